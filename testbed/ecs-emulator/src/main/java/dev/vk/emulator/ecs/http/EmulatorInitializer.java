package dev.vk.emulator.ecs.http;

import dev.vk.emulator.ecs.exec.DataChannelHandler;
import dev.vk.emulator.ecs.exec.DataChannelPaths;
import dev.vk.emulator.ecs.exec.DataChannelRequestCapture;
import dev.vk.emulator.ecs.exec.ExecSessions;
import dev.vk.emulator.ecs.fault.CallLog;
import dev.vk.emulator.ecs.fault.Faults;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.time.Clock;

/**
 * Builds each connection's pipeline: HTTP codec, then the exec data channel WebSocket, the admin
 * API, and the AWS path (decode, faults, dispatch). Every stage passes on what is not its own.
 */
public final class EmulatorInitializer extends ChannelInitializer<SocketChannel> {
  private static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
  private static final int MAX_FRAME_BYTES = 1024 * 1024;

  private static final DataChannelRequestCapture CAPTURE = new DataChannelRequestCapture();
  private final ExecSessions sessions;
  private final Clock clock;
  private final AdminHandler admin;
  private final AwsRequestDecoder decoder;
  private final RpcV2CborDecoder cborDecoder;
  private final FaultInjectionHandler faultInjection;
  private final OperationDispatcher dispatcher;

  public EmulatorInitializer(
      OperationRegistry operations,
      Faults faults,
      CallLog calls,
      ExecSessions sessions,
      Clock clock) {
    AwsResponses responses = new AwsResponses(calls);
    this.sessions = sessions;
    this.clock = clock;
    this.admin = new AdminHandler(faults, calls);
    this.decoder = new AwsRequestDecoder(responses);
    this.cborDecoder = new RpcV2CborDecoder(responses);
    this.faultInjection = new FaultInjectionHandler(faults, responses);
    this.dispatcher = new OperationDispatcher(operations, responses);
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    pipeline.addLast("http", new HttpServerCodec());
    pipeline.addLast("aggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES));
    pipeline.addLast("data-channel-uri", CAPTURE);
    pipeline.addLast(
        "websocket",
        new WebSocketServerProtocolHandler(
            WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(
                    DataChannelPaths.PREFIX.substring(0, DataChannelPaths.PREFIX.length() - 1))
                .checkStartsWith(true)
                .maxFramePayloadLength(MAX_FRAME_BYTES)
                .build()));
    pipeline.addLast("frames", new WebSocketFrameAggregator(MAX_FRAME_BYTES));
    pipeline.addLast("data-channel", new DataChannelHandler(sessions, clock));
    pipeline.addLast("admin", admin);
    pipeline.addLast("cbor-decoder", cborDecoder);
    pipeline.addLast("aws-decoder", decoder);
    pipeline.addLast("faults", faultInjection);
    pipeline.addLast("dispatcher", dispatcher);
  }
}
