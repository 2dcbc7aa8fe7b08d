# Image of one service, from its Quarkus fast-jar (mvn -DskipTests install at the repository root).
#   docker build -f deploy/images/service.Dockerfile --build-arg SERVICE=capture-service \
#     -t <prefix>capture-service:0.1.0 .
# The user 185 and port 8080 are what helm/gradphoto expects (runAsUser 185, read-only root
# file system with /tmp as an emptyDir).
FROM eclipse-temurin:21-jre
ARG SERVICE
RUN useradd --uid 185 --gid 0 --no-create-home --shell /usr/sbin/nologin quarkus
WORKDIR /deployments
COPY --chown=185:0 ${SERVICE}/target/quarkus-app/lib/ lib/
COPY --chown=185:0 ${SERVICE}/target/quarkus-app/*.jar ./
COPY --chown=185:0 ${SERVICE}/target/quarkus-app/app/ app/
COPY --chown=185:0 ${SERVICE}/target/quarkus-app/quarkus/ quarkus/
USER 185
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/deployments/quarkus-run.jar"]
