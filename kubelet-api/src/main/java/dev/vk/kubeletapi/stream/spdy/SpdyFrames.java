package dev.vk.kubeletapi.stream.spdy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.spdy.DefaultSpdyDataFrame;
import io.netty.handler.codec.spdy.DefaultSpdyRstStreamFrame;
import io.netty.handler.codec.spdy.DefaultSpdySynReplyFrame;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyHeadersFrame;
import io.netty.handler.codec.spdy.SpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdyStreamStatus;
import io.netty.handler.codec.spdy.SpdySynReplyFrame;

/** The frames sessions send, and header reading. */
final class SpdyFrames {
  static final String STREAM_TYPE = "streamtype";

  private SpdyFrames() {}

  /**
   * Accepts a stream. The reply echoes the stream type because Netty encodes an empty header set as
   * an empty block, without even the header count, and Go's framer rejects that: client-go would
   * then wait for the reply until it times out.
   */
  static SpdySynReplyFrame reply(int streamId, String streamType) {
    SpdySynReplyFrame reply = new DefaultSpdySynReplyFrame(streamId);
    reply.headers().set(STREAM_TYPE, streamType);
    return reply;
  }

  static SpdyDataFrame data(int streamId, ByteBuf payload) {
    return new DefaultSpdyDataFrame(streamId, payload);
  }

  /** An empty data frame with FIN: the server will send nothing more on the stream. */
  static SpdyDataFrame fin(int streamId) {
    SpdyDataFrame frame = new DefaultSpdyDataFrame(streamId, Unpooled.EMPTY_BUFFER);
    frame.setLast(true);
    return frame;
  }

  static SpdyDataFrame lastData(int streamId, ByteBuf payload) {
    SpdyDataFrame frame = new DefaultSpdyDataFrame(streamId, payload);
    frame.setLast(true);
    return frame;
  }

  static SpdyRstStreamFrame reset(int streamId, SpdyStreamStatus status) {
    return new DefaultSpdyRstStreamFrame(streamId, status);
  }

  /** A header value; names are case-insensitive (spdystream lowercases them, Go ignores case). */
  static String header(SpdyHeadersFrame frame, String name) {
    String value = frame.headers().getAsString(name);
    return value == null ? null : value.trim();
  }
}
