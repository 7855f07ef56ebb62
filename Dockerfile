# mlledger in a container: build the jar, run it on a JRE. For users who have Docker; the CI of this project
# does not build or run it (its machines have no Docker engine).
#   docker build -t mlledger .
#   docker run -p 8080:8080 -e DATASOURCES_DEFAULT_URL=jdbc:postgresql://db:5432/mlledger \
#              -e DATASOURCES_DEFAULT_USERNAME=mlledger -e DATASOURCES_DEFAULT_PASSWORD=… mlledger
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY domain domain
COPY application application
COPY adapters-persistence adapters-persistence
COPY adapters-web adapters-web
COPY bootstrap bootstrap
RUN ./mvnw -q -B package -DskipTests

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 mlledger
USER mlledger
WORKDIR /app
COPY --from=build /src/bootstrap/target/mlledger.jar /app/mlledger.jar
EXPOSE 8080
# the embedded PostgreSQL is for trying mlledger out; in a container, point it at a real one
ENV MLLEDGER_EMBEDDED_DB_DIR=/app/data/pgdata
ENTRYPOINT ["java", "-jar", "/app/mlledger.jar"]
