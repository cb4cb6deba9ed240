package dev.workflowengine.google.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The q string, fields and checks of FileQuery, without HTTP. */
class FileQueryTest {

  @Test
  void aNameWithAnApostropheCannotEndTheStringAndAddConditions() {
    FileQuery query = FileQuery.builder().nameContains("x' or trashed = true or name = 'y").build();

    assertThat(query.q())
        .isEqualTo("name contains 'x\\' or trashed = true or name = \\'y' and trashed = false");
  }

  @Test
  void escapesTheBackslashBeforeTheQuoteSoTheEscapeIsNotUndone() {
    assertThat(FileQuery.quote("O'Brien")).isEqualTo("'O\\'Brien'");
    assertThat(FileQuery.quote("a\\'b")).isEqualTo("'a\\\\\\'b'");
    assertThat(FileQuery.quote("C:\\")).isEqualTo("'C:\\\\'");
  }

  @Test
  void theDefaultsListEveryUntrashedFileWithAllMappedFields() {
    FileQuery query = FileQuery.all();

    assertThat(query.q()).isEqualTo("trashed = false");
    assertThat(query.pageSize()).isEqualTo(100);
    assertThat(query.pageToken()).isEmpty();
    assertThat(query.orderBy()).isEmpty();
    assertThat(query.fields())
        .isEqualTo("nextPageToken,files(id,name,mimeType,size,modifiedTime,parents,webViewLink)");
  }

  @Test
  void chosenFieldsAlwaysKeepIdNameAndMimeTypeInOneOrder() {
    assertThat(FileQuery.builder().fileFields().build().fields())
        .isEqualTo("nextPageToken,files(id,name,mimeType)");
    assertThat(FileQuery.builder().fileFields("parents", "name", "size").build().fields())
        .isEqualTo("nextPageToken,files(id,name,mimeType,size,parents)");
  }

  @Test
  void withPageTokenKeepsEverythingElse() {
    FileQuery first = FileQuery.builder().folderId("f").pageSize(7).orderBy("name").build();

    FileQuery second = first.withPageToken("next");

    assertThat(second.pageToken()).contains("next");
    assertThat(second.q()).isEqualTo(first.q());
    assertThat(second.pageSize()).isEqualTo(7);
    assertThat(second.orderBy()).contains("name");
    assertThat(first.pageToken()).isEmpty();
  }

  @Test
  void refusesValuesDriveWouldRefuseOrIgnore() {
    FileQuery.Builder builder = FileQuery.builder();
    assertThatThrownBy(() -> builder.pageSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pageSize must be 1 to 1000 but was 0");
    assertThatThrownBy(() -> builder.pageSize(1001))
        .hasMessage("pageSize must be 1 to 1000 but was 1001");
    assertThatThrownBy(() -> builder.orderBy("size desc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot order by 'size desc'; Drive orders by ");
    assertThatThrownBy(() -> builder.fileFields("owners"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown file field 'owners'; choose from [id, name, mimeType, size, modifiedTime,"
                + " parents, webViewLink]");
    assertThatThrownBy(() -> builder.folderId(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("folderId is blank; give a non-blank value");
    assertThatThrownBy(() -> builder.mimeTypes((String) null))
        .isInstanceOf(NullPointerException.class);
  }
}
