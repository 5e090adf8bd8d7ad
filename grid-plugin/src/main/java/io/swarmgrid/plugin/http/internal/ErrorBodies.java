package io.swarmgrid.plugin.http.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.swarmgrid.plugin.http.ApiException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a failure into the JSON error the API answers with. */
public final class ErrorBodies {
  // SwarmGrid's own checks say "field: 'value' is not ...".
  private static final Pattern FIELD_VALUE =
      Pattern.compile("^([A-Za-z][A-Za-z0-9_.\\[\\]-]*): '([^']*)'");
  private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z0-9_.\\[\\]-]*): ");

  private ErrorBodies() {}

  /**
   * An error answer.
   *
   * @param status the HTTP status
   * @param field the field that was wrong, or null
   * @param value the value that was wrong, or null
   * @param error what was wrong
   */
  public record Error(int status, String field, String value, String error) {}

  /** The mapper the API reads and writes JSON with: unknown fields refused, nulls left out. */
  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
        .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
        .setDefaultPropertyInclusion(
            JsonInclude.Value.construct(
                JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
  }

  /** The answer to {@code e}, thrown while serving {@code ctx}. */
  public static Error of(Exception e, Context ctx) {
    if (e instanceof ApiException a) {
      return new Error(a.status(), a.field(), a.value(), a.getMessage());
    }
    if (e instanceof HttpResponseException h) {
      if (h.getStatus() == 413) {
        return new Error(
            413,
            "body",
            String.valueOf(ctx.contentLength()),
            "body: " + ctx.contentLength() + " bytes is over the limit (http.max-body-bytes)");
      }
      return new Error(h.getStatus(), null, null, h.getMessage());
    }
    if (e instanceof IllegalArgumentException) {
      String message = String.valueOf(e.getMessage());
      Matcher fv = FIELD_VALUE.matcher(message);
      if (fv.find()) {
        return new Error(400, fv.group(1), fv.group(2), message);
      }
      Matcher f = FIELD.matcher(message);
      return new Error(400, f.find() ? f.group(1) : null, null, message);
    }
    if (e instanceof IllegalStateException) {
      return new Error(409, null, null, String.valueOf(e.getMessage()));
    }
    return new Error(500, null, null, "internal error: " + e.getClass().getSimpleName());
  }
}
