package dev.vk.emulator.ecs.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the operation a call names and answers with its result or error. */
@ChannelHandler.Sharable
public final class OperationDispatcher extends SimpleChannelInboundHandler<AwsCall> {
  private static final Logger logger = LoggerFactory.getLogger(OperationDispatcher.class);
  private final OperationRegistry operations;
  private final AwsResponses responses;

  public OperationDispatcher(OperationRegistry operations, AwsResponses responses) {
    this.operations = operations;
    this.responses = responses;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, AwsCall call) {
    Optional<Operation> operation = operations.find(call.service(), call.operation());
    if (operation.isEmpty()) {
      responses.error(
          ctx,
          call,
          new AwsException(400, "UnknownOperationException", "Not emulated: " + call.operation()));
      return;
    }
    ObjectNode result;
    try {
      result = operation.get().handle(call.body());
    } catch (AwsException e) {
      logger.debug("{} answered {}: {}", call.operation(), e.type(), e.getMessage());
      responses.error(ctx, call, e);
      return;
    } catch (RuntimeException e) {
      logger.error("{} failed inside the emulator", call.operation(), e);
      responses.error(ctx, call, AwsException.server("Internal emulator error: " + e));
      return;
    }
    responses.ok(ctx, call, result);
  }
}
