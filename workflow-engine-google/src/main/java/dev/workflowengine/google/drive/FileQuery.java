package dev.workflowengine.google.drive;

import static dev.workflowengine.google.drive.Checks.requireText;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@link GoogleDrive#listFiles(FileQuery)} lists: files in a folder, of some MIME types, whose
 * name contains a text; never trashed files. Immutable and thread-safe.
 *
 * <pre>{@code
 * FileQuery pdfsInFolder = FileQuery.builder()
 *     .folderId("1AbC")
 *     .mimeTypes("application/pdf")
 *     .nameContains("invoice")
 *     .orderBy("modifiedTime desc")
 *     .pageSize(50)
 *     .build();
 * }</pre>
 *
 * <p>Values go into Drive's {@code q} string quoted, with {@code '} and {@code \} escaped, so a
 * name such as {@code O'Brien} (or one a language model made up) cannot end the string early and
 * add conditions of its own: query injection could otherwise widen a listing to files it should not
 * reach, such as the trashed ones.
 */
public final class FileQuery {

  /** Page size when none is set. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** The largest page Drive returns. */
  public static final int MAX_PAGE_SIZE = 1000;

  /** The file fields {@link DriveFile} always needs. */
  private static final List<String> REQUIRED_FIELDS = List.of("id", "name", "mimeType");

  /** Every file field {@link DriveFile} maps, in the order they are requested. */
  static final List<String> KNOWN_FIELDS =
      List.of("id", "name", "mimeType", "size", "modifiedTime", "parents", "webViewLink");

  private static final Set<String> ORDER_KEYS =
      Set.of(
          "createdTime",
          "folder",
          "modifiedByMeTime",
          "modifiedTime",
          "name",
          "name_natural",
          "quotaBytesUsed",
          "recency",
          "sharedWithMeTime",
          "starred",
          "viewedByMeTime");

  private final String folderId;
  private final List<String> mimeTypes;
  private final String nameContains;
  private final int pageSize;
  private final String pageToken;
  private final String orderBy;
  private final List<String> fileFields;

  private FileQuery(Builder builder) {
    this.folderId = builder.folderId;
    this.mimeTypes = List.copyOf(builder.mimeTypes);
    this.nameContains = builder.nameContains;
    this.pageSize = builder.pageSize;
    this.pageToken = builder.pageToken;
    this.orderBy = builder.orderBy;
    this.fileFields = List.copyOf(builder.fileFields);
  }

  private FileQuery(FileQuery query, String pageToken, int pageSize) {
    this.folderId = query.folderId;
    this.mimeTypes = query.mimeTypes;
    this.nameContains = query.nameContains;
    this.pageSize = pageSize;
    this.pageToken = pageToken;
    this.orderBy = query.orderBy;
    this.fileFields = query.fileFields;
  }

  /**
   * A query for every file that is not trashed, 100 a page.
   *
   * @return the query
   */
  public static FileQuery all() {
    return builder().build();
  }

  /**
   * Starts building a query.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The same query for the page a previous answer pointed to.
   *
   * @param token a {@link FilePage#nextPageToken()}
   * @return a new query
   */
  public FileQuery withPageToken(String token) {
    return new FileQuery(this, requireText(token, "token"), pageSize);
  }

  FileQuery withPageSize(int size) {
    return new FileQuery(this, pageToken, size);
  }

  /** Drive's {@code q} string: every condition joined by {@code and}, trashed files excluded. */
  String q() {
    List<String> conditions = new ArrayList<>();
    if (folderId != null) {
      conditions.add(quote(folderId) + " in parents");
    }
    if (!mimeTypes.isEmpty()) {
      conditions.add(
          mimeTypes.stream()
              .map(type -> "mimeType = " + quote(type))
              .collect(Collectors.joining(" or ", "(", ")")));
    }
    if (nameContains != null) {
      conditions.add("name contains " + quote(nameContains));
    }
    conditions.add("trashed = false");
    return String.join(" and ", conditions);
  }

  /**
   * Drive's {@code fields}: the page token and the chosen fields of each file, without spaces (they
   * would travel as {@code %20} in every URL).
   */
  String fields() {
    return "nextPageToken,files(" + String.join(",", fileFields) + ")";
  }

  int pageSize() {
    return pageSize;
  }

  Optional<String> pageToken() {
    return Optional.ofNullable(pageToken);
  }

  Optional<String> orderBy() {
    return Optional.ofNullable(orderBy);
  }

  /**
   * A string literal of Drive's query language. The backslash is escaped first, so the backslash
   * that escapes a quote is not escaped again.
   */
  static String quote(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  @Override
  public String toString() {
    return "FileQuery[q=" + q() + ", pageSize=" + pageSize + ", orderBy=" + orderBy + "]";
  }

  /** Builds a {@link FileQuery}; every setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private String folderId;
    private final Set<String> mimeTypes = new LinkedHashSet<>();
    private String nameContains;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private String pageToken;
    private String orderBy;
    private List<String> fileFields = KNOWN_FIELDS;

    private Builder() {}

    /**
     * Lists only the files directly in a folder.
     *
     * @param id the folder's id; {@code root} is the user's My Drive
     * @return this builder
     */
    public Builder folderId(String id) {
      this.folderId = requireText(id, "folderId");
      return this;
    }

    /**
     * Lists only files of these MIME types (any of them); adds to those set before.
     *
     * @param types such as {@code application/pdf} or {@code application/vnd.google-apps.document}
     * @return this builder
     */
    public Builder mimeTypes(String... types) {
      for (String type : requireNonNull(types, "types")) {
        mimeTypes.add(requireText(type, "mimeType"));
      }
      return this;
    }

    /**
     * Lists only files whose name contains this text (Drive matches whole words from their start,
     * case-insensitively).
     *
     * @param text the text
     * @return this builder
     */
    public Builder nameContains(String text) {
      this.nameContains = requireText(text, "nameContains");
      return this;
    }

    /**
     * How many files a page holds at most; {@value FileQuery#DEFAULT_PAGE_SIZE} by default.
     *
     * @param size 1 to {@value FileQuery#MAX_PAGE_SIZE}
     * @return this builder
     */
    public Builder pageSize(int size) {
      if (size < 1 || size > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException(
            "pageSize must be 1 to " + MAX_PAGE_SIZE + " but was " + size);
      }
      this.pageSize = size;
      return this;
    }

    /**
     * Asks for the page a previous answer pointed to.
     *
     * @param token a {@link FilePage#nextPageToken()}
     * @return this builder
     */
    public Builder pageToken(String token) {
      this.pageToken = requireText(token, "token");
      return this;
    }

    /**
     * The order of the files, as Drive's {@code orderBy}: keys separated by commas, each optionally
     * followed by {@code desc}, such as {@code "folder,modifiedTime desc"}.
     *
     * @param order the order
     * @return this builder
     * @throws IllegalArgumentException for a key Drive does not sort by
     */
    public Builder orderBy(String order) {
      for (String part : requireText(order, "orderBy").split(",")) {
        String key = part.trim().replaceFirst("\\s+desc$", "");
        if (!ORDER_KEYS.contains(key)) {
          throw new IllegalArgumentException(
              "cannot order by '" + part.trim() + "'; Drive orders by " + ORDER_KEYS);
        }
      }
      this.orderBy = order;
      return this;
    }

    /**
     * The fields Drive returns for each file, to make answers smaller; all that {@link DriveFile}
     * holds by default. {@code id}, {@code name} and {@code mimeType} are always asked for, since
     * every {@code DriveFile} has them; the fields left out are absent or empty in the files.
     *
     * @param fields some of {@code size}, {@code modifiedTime}, {@code parents}, {@code
     *     webViewLink}
     * @return this builder
     * @throws IllegalArgumentException for a field {@link DriveFile} does not hold
     */
    public Builder fileFields(String... fields) {
      Set<String> chosen = new LinkedHashSet<>(REQUIRED_FIELDS);
      for (String field : requireNonNull(fields, "fields")) {
        if (!KNOWN_FIELDS.contains(requireNonNull(field, "field"))) {
          throw new IllegalArgumentException(
              "unknown file field '" + field + "'; choose from " + KNOWN_FIELDS);
        }
        chosen.add(field);
      }
      this.fileFields = KNOWN_FIELDS.stream().filter(chosen::contains).toList();
      return this;
    }

    /**
     * Builds the query.
     *
     * @return the query
     */
    public FileQuery build() {
      return new FileQuery(this);
    }
  }
}
