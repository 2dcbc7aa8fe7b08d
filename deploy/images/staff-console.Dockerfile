# Image of the staff console: the Vite build (staff-console/dist/console, base /console/) behind an
# unprivileged nginx on port 8080, served under /console/ as deploy/local's gateway serves it.
# config.json (Keycloak realm, client id, API prefix) is the deployment's: the chart mounts it.
#   docker build -f deploy/images/staff-console.Dockerfile -t <prefix>staff-console:0.1.0 .
FROM nginxinc/nginx-unprivileged:1.28-alpine
COPY deploy/images/staff-console.nginx.conf /etc/nginx/conf.d/default.conf
COPY staff-console/dist/console/ /usr/share/nginx/html/console/
