package dev.vk.node.pod;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.Watch;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.ResponseBody;

/**
 * A watch that reads BOOKMARK events by their metadata alone. The API server sends a bookmark as an
 * empty object of the watched kind (for a pod {@code "spec":{"containers":null}}), which the
 * generated models refuse to deserialize (a pod spec requires containers); the plain {@link Watch}
 * then throws and the informer lists every pod again, about once a minute. A bookmark carries only
 * a resourceVersion, so only the metadata is read. Not thread-safe, like {@link Watch}.
 */
final class BookmarkWatch<T> extends Watch<T> {

  private static final String BOOKMARK = "BOOKMARK";

  /** The type comes first in the API server's encoding; a bookmark says so within these chars. */
  private static final int TYPE_PREFIX = 40;

  private final Function<V1ObjectMeta, T> bookmarkObject;

  BookmarkWatch(
      JSON json,
      ResponseBody body,
      Type watchType,
      Call call,
      Function<V1ObjectMeta, T> bookmarkObject) {
    super(json, body, watchType, call);
    this.bookmarkObject = bookmarkObject;
  }

  /**
   * Executes {@code call} (blocking until the response headers arrive), as {@link
   * Watch#createWatch} does.
   *
   * @param bookmarkObject makes the object handed out for a bookmark from its metadata
   * @throws ApiException the API server refused the watch, or it could not be reached
   */
  static <T> BookmarkWatch<T> open(
      ApiClient client, Call call, Type watchType, Function<V1ObjectMeta, T> bookmarkObject)
      throws ApiException {
    try {
      okhttp3.Response response = call.execute();
      if (!response.isSuccessful()) {
        String body = response.body() == null ? null : response.body().string();
        response.close();
        throw new ApiException(
            response.message(), response.code(), response.headers().toMultimap(), body);
      }
      return new BookmarkWatch<>(
          client.getJSON(), response.body(), watchType, call, bookmarkObject);
    } catch (IOException e) {
      throw new ApiException(e);
    }
  }

  @Override
  protected Response<T> parseLine(String line) throws IOException {
    int type = line.indexOf('"' + BOOKMARK + '"');
    if (type < 0 || type > TYPE_PREFIX) {
      return super.parseLine(line);
    }
    JsonObject event = JsonParser.parseString(line).getAsJsonObject();
    if (!BOOKMARK.equals(event.get("type").getAsString())) {
      return super.parseLine(line);
    }
    JsonObject object = event.getAsJsonObject("object");
    V1ObjectMeta metadata =
        JSON.getGson().fromJson(object == null ? null : object.get("metadata"), V1ObjectMeta.class);
    return new Response<>(BOOKMARK, bookmarkObject.apply(metadata));
  }
}
