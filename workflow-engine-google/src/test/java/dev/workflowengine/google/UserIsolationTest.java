package dev.workflowengine.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.CredentialException;
import org.junit.jupiter.api.Test;

/** One user's tokens are never another's, and no type here prints a secret. */
class UserIsolationTest extends AuthorizationTestBase {

  @Test
  void anotherUserHasNoStatusAndNoCredentials() {
    connect("alice", 3599);

    assertThat(authorization.status("bob")).isEqualTo(AuthorizationStatus.notConnected("bob"));
    assertThatThrownBy(() -> authorization.credentials("bob"))
        .isInstanceOf(NotConnectedException.class)
        .extracting(e -> ((NotConnectedException) e).userId())
        .isEqualTo("bob");
    assertThat(store.names("bob")).isEmpty();
  }

  @Test
  void tokensCopiedToAnotherUserInTheStoreCannotBeRead() {
    connect("alice", 3599);
    store.put("bob", "google", store.get("alice", "google").orElseThrow());

    assertThatThrownBy(() -> authorization.credentials("bob"))
        .isInstanceOf(CredentialException.class)
        .hasMessageNotContaining(ACCESS_TOKEN);
    assertThatThrownBy(() -> authorization.status("bob")).isInstanceOf(CredentialException.class);
  }

  @Test
  void anotherCredentialStoredUnderTheNameIsReportedNotMisread() {
    vault.putString("alice", "google", "{\"some\":\"other json\"}");

    assertThatThrownBy(() -> authorization.status("alice"))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("is not a Google grant this SDK wrote")
        .hasMessageNotContaining("other json");
  }

  @Test
  void separateCredentialNamesKeepSeparateGrants() {
    connect("alice", 3599);
    GoogleAuthorization work = builder().credentialName("google-work").build();

    assertThat(work.status("alice").connected()).isFalse();
    assertThat(store.names("alice")).containsExactly("google");
  }

  @Test
  void nothingPrintsASecret() {
    connect("alice", 3599);

    assertThat(
            String.join(
                " ",
                authorization.toString(),
                builder().toString(),
                authorization.status("alice").toString(),
                authorization.credentials("alice").toString(),
                vault.toString()))
        .contains(CLIENT_ID)
        .doesNotContain(CLIENT_SECRET)
        .doesNotContain(ACCESS_TOKEN)
        .doesNotContain(REFRESH_TOKEN);
  }

  @Test
  void credentialsRefuseJavaSerialization() {
    connect("alice", 3599);

    assertThatThrownBy(
            () ->
                new java.io.ObjectOutputStream(java.io.OutputStream.nullOutputStream())
                    .writeObject(authorization.credentials("alice")))
        .isInstanceOf(java.io.NotSerializableException.class);
  }
}
