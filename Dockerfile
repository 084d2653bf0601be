# syntax=docker/dockerfile:1
# One multi-stage Dockerfile for every runnable module (fetcher-service, writer-service, browse-service,
# tools/peakon-simulator); MODULE is the module's directory:
#   docker build --build-arg MODULE=writer-service -t peakon-ingest/writer .
# Stage 1 builds the module's executable jar with Maven (the services also build a "-plain" jar of their classes,
# for tools/jmh and the bench; it is not copied); stage 2 runs it on a JRE as a non-root user.

ARG MODULE=fetcher-service

# The browse UI (Vue + Vite) needs Node, which the Maven image lacks: build it in its own stage.
FROM node:20-bookworm-slim AS ui
WORKDIR /ui
COPY browse-service/ui/package.json browse-service/ui/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY browse-service/ui/ ./
RUN npm run build -- --outDir /ui-dist

FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /src
# Poms first: dependency downloads are cached in a layer until a pom changes.
COPY pom.xml ./
COPY common/pom.xml common/
COPY service-support/pom.xml service-support/
COPY fetcher-service/pom.xml fetcher-service/
COPY writer-service/pom.xml writer-service/
COPY browse-service/pom.xml browse-service/
COPY tools/pom.xml tools/
COPY tools/test-support/pom.xml tools/test-support/
COPY tools/peakon-simulator/pom.xml tools/peakon-simulator/
COPY tools/embedded-stack/pom.xml tools/embedded-stack/
COPY tools/bench/pom.xml tools/bench/
COPY tools/jmh/pom.xml tools/jmh/
COPY tools/deployment-tests/pom.xml tools/deployment-tests/
COPY common/src common/src
COPY service-support/src service-support/src
COPY tools/test-support/src tools/test-support/src
COPY ${MODULE}/src ${MODULE}/src
COPY --from=ui /ui-dist browse-service/target/classes/static
# skip.ui: the UI was built by the ui stage above (copied into the browse jar's static resources).
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl ${MODULE} -am -DskipTests -Dskip.ui=true package \
 && mkdir -p /out/lib \
 && cp $(ls ${MODULE}/target/$(basename ${MODULE})-*.jar | grep -v -e '-plain\.jar$') /out/app.jar \
 && if [ -d ${MODULE}/target/lib ]; then cp ${MODULE}/target/lib/* /out/lib/; fi

FROM eclipse-temurin:17-jre
ARG MODULE
LABEL org.opencontainers.image.title="peakon-ingest ${MODULE}"
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app
# The simulator is a thin jar whose manifest points at lib/; the services are self-contained Boot jars.
COPY --from=build /out/ /app/
USER 10001:10001
# Container-aware heap; the services stream pages and batches, so 75% of the limit is plenty of headroom.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
