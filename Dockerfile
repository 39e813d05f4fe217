# One image for both services: the app module's jar (newsflow-cli, every command) with its lib/;
# compose picks the command (docs/modules.md, "What each image runs").
#   docker build --target enrich-service -t newsflow/enrich-service .
#   docker build --target ingest-service -t newsflow/ingest-service .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY schemas schemas
COPY platform platform
COPY dev-stack dev-stack
COPY ingest-service ingest-service
COPY enrich-service enrich-service
COPY benchmarks benchmarks
COPY examples examples
COPY newsflow-cli newsflow-cli
RUN ./mvnw -q -B -DskipTests package

FROM eclipse-temurin:17-jre AS runtime
RUN useradd --system --uid 10001 newsflow && mkdir -p /data /spool && chown newsflow /data /spool
COPY --from=build /src/newsflow-cli/target/newsflow.jar /app/newsflow.jar
COPY --from=build /src/newsflow-cli/target/lib /app/lib
USER newsflow
ENV NEWSFLOW_DATA_DIR=/data \
    NEWSFLOW_BIND_ADDRESS=0.0.0.0
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-cp", "/app/newsflow.jar:/app/lib/*", "io.newsflow.cli.Newsflow"]

FROM runtime AS ingest-service
EXPOSE 8085
CMD ["ingest", "--watch", "/spool"]

FROM runtime AS enrich-service
EXPOSE 8080
CMD ["enrich"]
