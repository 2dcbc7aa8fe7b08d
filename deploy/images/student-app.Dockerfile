# Image of the student app: the Taro H5 build (student-app/dist/h5) behind an unprivileged nginx
# on port 8080, with the single-page fallback of deploy/local's gateway.
#   docker build -f deploy/images/student-app.Dockerfile -t <prefix>student-app:0.1.0 .
FROM nginxinc/nginx-unprivileged:1.28-alpine
COPY deploy/images/student-app.nginx.conf /etc/nginx/conf.d/default.conf
COPY student-app/dist/h5/ /usr/share/nginx/html/
