package dev.vk.provider.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityAllowlistTest {
  private static final Predicate<String> ROLE = v -> v.startsWith("arn:aws:iam::");
  private static final String A = "arn:aws:iam::123456789012:role/a";
  private static final String B = "arn:aws:iam::123456789012:role/b";

  @Test
  void namespaceEntriesCoverEveryAccountAndAccountEntriesOnlyTheirOwn() {
    IdentityAllowlist list =
        IdentityAllowlist.parse(" team=" + A + ", ci/builder=" + B + ",ci/builder=" + A, ROLE, "x");

    assertThat(list.permits("team", "default", A)).isTrue();
    assertThat(list.permits("team", "web", A)).isTrue();
    assertThat(list.permits("team", "web", B)).isFalse();
    assertThat(list.permits("ci", "builder", B)).isTrue();
    assertThat(list.permits("ci", "builder", A)).isTrue();
    assertThat(list.permits("ci", "other", B)).isFalse();
    assertThat(list.permits("other", "builder", B)).isFalse();
  }

  @Test
  void emptyOrUnsetAllowsNothing() {
    assertThat(IdentityAllowlist.parse(null, ROLE, "x").entries()).isEmpty();
    assertThat(IdentityAllowlist.parse("  ", ROLE, "x").permits("team", "default", A)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "team                                   | entry 'team': expected <namespace>[/<serviceaccount>]=<identity>",
        "Team=arn:aws:iam::1:role/a             | entry 'Team=arn:aws:iam::1:role/a': 'Team' is not a namespace name",
        "team/Web=arn:aws:iam::1:role/a         | entry 'team/Web=arn:aws:iam::1:role/a': 'Web' is not a ServiceAccount name",
        "team/a/b=arn:aws:iam::1:role/a         | entry 'team/a/b=arn:aws:iam::1:role/a': 'a/b' is not a ServiceAccount name",
        "team=role/a                            | entry 'team=role/a': 'role/a' is not an IAM role ARN",
        "=arn:aws:iam::1:role/a                 | entry '=arn:aws:iam::1:role/a': '' is not a namespace name",
      })
  void aBadEntryIsOneLineNamingIt(String value, String message) {
    assertThatThrownBy(() -> IdentityAllowlist.parse(value, ROLE, "an IAM role ARN"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
