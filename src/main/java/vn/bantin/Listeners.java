package vn.bantin;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.bantin.config.Settings;

/** Start-up step: the HTTP servers. */
final class Listeners {
  private Listeners() {}

  /**
   * One HTTP server per core, each deployed in its own verticle instance so that each runs on
   * its own event loop; they share the port and Vert.x spreads the connections among them. A
   * single server would serve every connection on one event loop, one core.
   */
  static Future<List<HttpServer>> listen(Vertx vertx, Router router, Settings.Http http,
      int instances) {
    // Port 0 would give every instance a port of its own; a negative port asks Vert.x for one
    // random port that all the servers listening with that value share.
    int port = http.port() == 0 ? -1 : http.port();
    List<HttpServer> servers = new CopyOnWriteArrayList<>();
    return vertx.deployVerticle(() -> new VerticleBase() {
          @Override
          public Future<?> start() {
            return vertx.createHttpServer().requestHandler(router).listen(port, http.host())
                .onSuccess(servers::add);
          }
        }, new DeploymentOptions().setInstances(instances))
        .map(id -> List.copyOf(servers));
  }
}
