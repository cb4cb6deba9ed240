package dev.workflowengine.google.drive;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import java.util.List;
import java.util.Optional;

/**
 * One page of a file listing, from {@link GoogleDrive#listFiles(FileQuery)}. Immutable.
 *
 * <pre>{@code
 * FilePage page = drive.listFiles(FileQuery.builder().folderId(folder).build());
 * page.nextPageToken().ifPresent(token -> drive.listFiles(query.withPageToken(token)));
 * }</pre>
 *
 * @param files the files of this page, in the order Drive listed them
 * @param nextPageToken the token of the next page; absent on the last page
 */
public record FilePage(List<DriveFile> files, Optional<String> nextPageToken) {

  /** Validates and copies the components. */
  public FilePage {
    files = List.copyOf(requireNonNull(files, "files"));
    nextPageToken = requireNonNullElse(nextPageToken, Optional.empty());
  }
}
