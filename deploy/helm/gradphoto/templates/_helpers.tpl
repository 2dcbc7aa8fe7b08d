{{/* Labels every object of the chart carries. */}}
{{- define "gradphoto.labels" -}}
app.kubernetes.io/part-of: gradphoto
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}

{{/* The CloudNativePG cluster of a database: pg-<short>. */}}
{{- define "gradphoto.pgCluster" -}}
pg-{{ . }}
{{- end }}

{{/* Pod selector of Keycloak's pods (labels set by the Keycloak operator). */}}
{{- define "gradphoto.keycloakPods" -}}
app: keycloak
app.kubernetes.io/instance: {{ .Values.keycloak.name }}
{{- end }}

{{/* Where services reach Keycloak inside the cluster (the operator's Service, plain HTTP). */}}
{{- define "gradphoto.keycloakInternalUrl" -}}
http://{{ .Values.keycloak.name }}-service:8080
{{- end }}

{{/* The KafkaUser (and its client-certificate Secret) of a service, by short name. */}}
{{- define "gradphoto.kafkaUser" -}}
gradphoto-kafka-{{ . }}
{{- end }}
