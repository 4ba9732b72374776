package dev.vk.emulator.aci.server;

import dev.vk.emulator.aci.arm.ArmException;
import dev.vk.emulator.aci.arm.ArmResponse;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpHeaderNames;

/**
 * Requires a bearer token on ARM routes, as ARM does. Any non-empty token is accepted: the point is
 * that the client's authentication pipeline runs, not that tokens are verified.
 */
@ChannelHandler.Sharable
public final class AuthHandler extends SimpleChannelInboundHandler<RoutedRequest> {

  private final ResponseWriter writer;

  /** A handler answering 401 through {@code writer}. */
  public AuthHandler(ResponseWriter writer) {
    this.writer = writer;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, RoutedRequest request) {
    String authorization = request.request().headers().get(HttpHeaderNames.AUTHORIZATION, "");
    boolean bearer =
        authorization.regionMatches(true, 0, "Bearer ", 0, 7) && authorization.length() > 7;
    if (request.route().kind() != Route.Kind.ARM || bearer) {
      ctx.fireChannelRead(request);
      return;
    }
    ArmException missing =
        new ArmException(
            401,
            authorization.isEmpty() ? "AuthenticationFailed" : "InvalidAuthenticationToken",
            authorization.isEmpty()
                ? "Authentication failed. The 'Authorization' header is missing."
                : "The access token is invalid.");
    writer.write(
        ctx,
        request,
        ArmResponse.error(missing).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\""),
        false);
  }
}
