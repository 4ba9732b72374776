package dev.vk.kubeletapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RouterTest {
  private final RouteHandler exec3 = e -> {};
  private final RouteHandler exec4 = e -> {};
  private final RouteHandler pods = e -> {};
  private final Router router =
      Router.builder()
          .route("/pods", pods, HttpMethod.GET)
          .route("/exec/{namespace}/{pod}/{container}", exec3, HttpMethod.GET, HttpMethod.POST)
          .route(
              "/exec/{namespace}/{pod}/{uid}/{container}", exec4, HttpMethod.GET, HttpMethod.POST)
          .build();

  @Test
  @DisplayName("path variables are extracted and percent-decoded")
  void extractsVariables() {
    Router.Resolution r = router.resolve(HttpMethod.POST, "/exec/ns/my%2Dpod/c");
    assertThat(r).isInstanceOf(Router.Found.class);
    Router.Found found = (Router.Found) r;
    assertThat(found.handler()).isSameAs(exec3);
    assertThat(found.params())
        .isEqualTo(Map.of("namespace", "ns", "pod", "my-pod", "container", "c"));
  }

  @Test
  @DisplayName("the uid variant is told apart by its segment count")
  void uidVariant() {
    Router.Found found = (Router.Found) router.resolve(HttpMethod.GET, "/exec/ns/p/1234/c");
    assertThat(found.handler()).isSameAs(exec4);
    assertThat(found.params()).containsEntry("uid", "1234").containsEntry("container", "c");
  }

  @Test
  @DisplayName("a trailing slash is insignificant")
  void trailingSlash() {
    assertThat(router.resolve(HttpMethod.GET, "/pods/")).isInstanceOf(Router.Found.class);
  }

  @Test
  @DisplayName("a known path with another method is 405 with the allowed methods")
  void methodNotAllowed() {
    Router.Resolution r = router.resolve(HttpMethod.DELETE, "/exec/ns/p/c");
    assertThat(r).isInstanceOf(Router.MethodNotAllowed.class);
    assertThat(((Router.MethodNotAllowed) r).allowed())
        .containsExactlyInAnyOrder(HttpMethod.GET, HttpMethod.POST);
  }

  @Test
  @DisplayName("unknown paths, empty segments and relative paths are not found")
  void notFound() {
    assertThat(router.resolve(HttpMethod.GET, "/nope")).isInstanceOf(Router.NotFound.class);
    assertThat(router.resolve(HttpMethod.GET, "/exec/ns//c")).isInstanceOf(Router.NotFound.class);
    assertThat(router.resolve(HttpMethod.GET, "pods")).isInstanceOf(Router.NotFound.class);
    assertThat(router.resolve(HttpMethod.GET, "/")).isInstanceOf(Router.NotFound.class);
  }
}
