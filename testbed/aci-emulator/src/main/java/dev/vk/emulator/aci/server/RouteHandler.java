package dev.vk.emulator.aci.server;

import dev.vk.emulator.aci.arm.ArmException;
import dev.vk.emulator.aci.arm.ArmRequest;
import dev.vk.emulator.aci.arm.ArmResponse;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Matches an HTTP request to a {@link Route} and passes on an {@link ArmRequest}; unknown paths get
 * ARM's 404 (or 405 for a known path with another method) here.
 */
@ChannelHandler.Sharable
public final class RouteHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private final Router router;
  private final ResponseWriter writer;

  /** A handler routing with {@code router}. */
  public RouteHandler(Router router, ResponseWriter writer) {
    this.router = router;
    this.writer = writer;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest http) {
    QueryStringDecoder decoder = new QueryStringDecoder(http.uri());
    String method = http.method().name();
    // Clients that join a base URL ending in '/' with a path starting with '/' send '//'.
    String path = decoder.rawPath().replaceAll("/{2,}", "/");
    Router.Match match = router.find(method, path);
    ArmRequest request =
        new ArmRequest(
            method,
            http.uri(),
            http.headers().copy(),
            ByteBufUtil.getBytes(http.content()),
            match.params(),
            decoder.parameters());
    RoutedRequest routed = new RoutedRequest(match.route(), request, 0);
    if (!http.decoderResult().isSuccess()) {
      reject(ctx, routed, new ArmException(400, "BadRequest", "The request could not be parsed."));
    } else if (match.route() == null && match.pathKnown()) {
      reject(
          ctx,
          routed,
          new ArmException(
              405,
              "MethodNotAllowed",
              "The requested resource does not support http method '" + method + "'."));
    } else if (match.route() == null) {
      reject(
          ctx,
          routed,
          new ArmException(
              404, "NotFound", "The requested path '" + decoder.rawPath() + "' was not found."));
    } else {
      ctx.fireChannelRead(routed);
    }
  }

  private void reject(ChannelHandlerContext ctx, RoutedRequest request, ArmException error) {
    writer.write(ctx, request, ArmResponse.error(error), false);
  }
}
