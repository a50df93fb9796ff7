# Build stage: Maven with JDK 17 builds the runnable jar (tests run in CI, not here).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
# The class-data archive is written in the runtime stage: it belongs to the JVM and the jar path
# it is used with.
RUN mvn -B -q -DskipTests -Dbantin.cds.skip package

# Runtime stage: JRE 17 only, a non-root user, state in a volume.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app bantin \
 && mkdir -p /app/conf /app/data /app/feeds && chown -R bantin /app
WORKDIR /app
COPY --from=build /src/target/bantin.jar /app/bantin.jar
# Start-up with 0.6x the CPU (README "Try it"); a failed training leaves no archive, and the JVM
# then starts as without one.
RUN java -cp /app/bantin.jar vn.bantin.CdsArchive /app/bantin.jsa
COPY conf/bantin.yml /app/conf/bantin.yml
COPY --chown=bantin feeds.yml /app/feeds.yml
# The same file in a folder of its own, for a volume that several containers share
# (deploy/docker-compose.yml runs with --feeds /app/feeds/feeds.yml): a volume mounted there
# starts as a copy of this folder, and saves through the admin API rename within the folder.
COPY --chown=bantin feeds.yml /app/feeds/feeds.yml
USER bantin
# conf/ and feeds.yml may be mounted over; data/ keeps the SQLite store (or, with the shared
# PostgreSQL store, the feeds.yml history and audit log) across restarts.
VOLUME ["/app/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-XX:SharedArchiveFile=/app/bantin.jsa", \
  "-jar", "/app/bantin.jar"]
