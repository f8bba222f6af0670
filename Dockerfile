# Builds themewire and runs it:  docker build -t themewire .  then  docker run --rm themewire --help
# docker-compose.yml runs every stage from this image, each service with its own subcommand.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -pl app -am \
      package dependency:copy-dependencies -DincludeScope=runtime \
 && mkdir -p /out/lib \
 && cp app/target/themewire-app-0.1.0-SNAPSHOT.jar /out/themewire.jar \
 && cp app/target/dependency/*.jar /out/lib/

FROM eclipse-temurin:17-jre
WORKDIR /opt/themewire
COPY --from=build /out/ /opt/themewire/
COPY samples/ /opt/themewire/samples/
COPY deploy/ /opt/themewire/deploy/
RUN useradd --system --home-dir /data themewire && mkdir -p /data && chown themewire /data
USER themewire
VOLUME /data
ENV THEMEWIRE_HOME=/opt/themewire \
    JAVA_OPTS="-Xmx2g"
# The arguments are the themewire command line: `docker run themewire classify --kafka kafka:9092`.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -cp '/opt/themewire/themewire.jar:/opt/themewire/lib/*' io.themewire.app.Main \"$@\"", "themewire"]
CMD ["--help"]
