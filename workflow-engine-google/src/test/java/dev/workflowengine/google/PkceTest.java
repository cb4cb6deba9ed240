package dev.workflowengine.google;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** PKCE pairs as RFC 7636 defines them. */
class PkceTest {

  @Test
  void computesTheChallengeOfRfc7636AppendixB() {
    assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void generatesA43CharacterUnreservedVerifierAndItsChallenge() {
    Pkce pkce = Pkce.generate(new SecureRandom());

    assertThat(pkce.verifier()).matches("[A-Za-z0-9_-]{43}");
    assertThat(pkce.challenge()).isEqualTo(Pkce.challengeOf(pkce.verifier()));
    assertThat(pkce.toString()).doesNotContain(pkce.verifier());
  }
}
