package vn.bantin.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The reference of the serving benchmark ({@code bench/serve.sh}): the least a Vert.x 5 server
 * does to answer one feed from memory, with bantin's headers. One verticle instance per core,
 * each with its own {@code HttpServer} on the shared port, so every core's event loop accepts
 * connections (Vert.x balances them between the instances). The body and its gzip twin are
 * read once into {@link Buffer}s and every answer writes the same one ({@code end(Buffer)}
 * sends a slice of it, never consuming it); header names and values are pre-encoded. Any path
 * answers; {@code If-None-Match} with the ETag gets 304; {@code Accept-Encoding} naming gzip gets
 * the gzip bytes.
 *
 * <p>{@code java vn.bantin.bench.ReferenceServer port=P body=FILE gzip=FILE etag=E
 * last-modified=DATE cache-control=CC content-type=CT [instances=N]}
 */
final class ReferenceServer extends VerticleBase {
  private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");

  private final int port;
  private final Buffer body;
  private final Buffer gzipped;
  private final String etag;
  private final MultiMap common;
  private final CharSequence contentType;

  private ReferenceServer(int port, Buffer body, Buffer gzipped, Map<String, String> args) {
    this.port = port;
    this.body = body;
    this.gzipped = gzipped;
    this.etag = args.get("etag");
    this.common = HttpHeaders.headers()
        .add(HttpHeaders.ETAG, HttpHeaders.createOptimized(etag))
        .add(HttpHeaders.LAST_MODIFIED, HttpHeaders.createOptimized(args.get("last-modified")))
        .add(HttpHeaders.CACHE_CONTROL, HttpHeaders.createOptimized(args.get("cache-control")))
        .add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    this.contentType = HttpHeaders.createOptimized(args.get("content-type"));
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = BenchArgs.parse(argv);
    int port = Integer.parseInt(args.get("port"));
    int instances = Integer.parseInt(args.getOrDefault("instances",
        Integer.toString(Runtime.getRuntime().availableProcessors())));
    Buffer body = Buffer.buffer(Files.readAllBytes(Path.of(args.get("body"))));
    Buffer gzipped = Buffer.buffer(Files.readAllBytes(Path.of(args.get("gzip"))));
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(() -> new ReferenceServer(port, body, gzipped, args),
            new DeploymentOptions().setInstances(instances))
        .onSuccess(id -> System.out.println("reference server on 127.0.0.1:" + port + " with "
            + instances + " instances"))
        .onFailure(e -> {
          e.printStackTrace();
          System.exit(1);
        });
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
        .requestHandler(this::handle)
        .listen();
  }

  private void handle(HttpServerRequest request) {
    HttpServerResponse response = request.response();
    if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
      response.setStatusCode(405).end();
      return;
    }
    response.headers().addAll(common);
    String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
      response.setStatusCode(304).end();
      return;
    }
    String acceptEncoding = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
    boolean gzip = acceptEncoding != null && acceptEncoding.contains("gzip");
    response.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
    if (gzip) {
      response.putHeader(HttpHeaders.CONTENT_ENCODING, GZIP);
    }
    response.end(gzip ? gzipped : body);
  }
}
