{{- define "policywire.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "policywire.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "policywire.selectorLabels" -}}
app.kubernetes.io/name: {{ include "policywire.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "policywire.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "policywire.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "policywire.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{/* Non-secret settings, read by ConfigLoader from POLICYWIRE_* and KAFKA_* variables. */}}
{{- define "policywire.settings" -}}
POLICYWIRE_BOOTSTRAP_SERVERS: {{ .Values.kafka.bootstrapServers | quote }}
POLICYWIRE_APPLICATION_ID: {{ .Values.pipeline.applicationId | quote }}
POLICYWIRE_TOPIC_PREFIX: {{ .Values.pipeline.topicPrefix | quote }}
POLICYWIRE_PROCESSING_GUARANTEE: {{ .Values.pipeline.processingGuarantee | quote }}
POLICYWIRE_NUM_STREAM_THREADS: {{ .Values.pipeline.numStreamThreads | quote }}
POLICYWIRE_MAX_ARTICLE_BYTES: {{ .Values.pipeline.maxArticleBytes | int64 | quote }}
POLICYWIRE_STATE_MEMORY_MB: {{ .Values.pipeline.stateMemoryMb | int64 | quote }}
POLICYWIRE_LOG_LEVEL: {{ .Values.pipeline.logLevel | quote }}
POLICYWIRE_HTTP_HOST: "0.0.0.0"
POLICYWIRE_HTTP_PORT: {{ .Values.pipeline.httpPort | quote }}
POLICYWIRE_STATE_DIR: "/var/lib/policywire/state"
JAVA_OPTS: {{ printf "-XX:MaxRAMPercentage=%v %s" .Values.jvm.maxRamPercentage .Values.jvm.extraOpts | trim | quote }}
KAFKA_SECURITY_PROTOCOL: {{ .Values.kafka.securityProtocol | quote }}
{{- if .Values.kafka.sasl.enabled }}
KAFKA_SASL_MECHANISM: {{ .Values.kafka.sasl.mechanism | quote }}
{{- end }}
{{- if .Values.kafka.tls.enabled }}
KAFKA_SSL_TRUSTSTORE_LOCATION: {{ printf "/etc/policywire/tls/%s" .Values.kafka.tls.truststoreKey | quote }}
KAFKA_SSL_TRUSTSTORE_TYPE: "PKCS12"
{{- if .Values.kafka.tls.keystoreKey }}
KAFKA_SSL_KEYSTORE_LOCATION: {{ printf "/etc/policywire/tls/%s" .Values.kafka.tls.keystoreKey | quote }}
KAFKA_SSL_KEYSTORE_TYPE: "PKCS12"
{{- end }}
{{- end }}
{{- range $key, $value := .Values.kafka.extraProperties }}
{{ printf "KAFKA_%s" ($key | upper | replace "." "_") }}: {{ $value | quote }}
{{- end }}
{{- end -}}

{{/* Settings as container env entries (the topics Job: a pre-install hook runs before the ConfigMap exists). */}}
{{- define "policywire.settingsEnv" -}}
{{- range $name, $value := (include "policywire.settings" . | fromYaml) }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- end -}}

{{/* Secrets, by reference only: the chart never holds a password. */}}
{{- define "policywire.secretEnv" -}}
{{- if .Values.kafka.sasl.enabled }}
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ required "kafka.sasl.existingSecret is required when kafka.sasl.enabled" .Values.kafka.sasl.existingSecret }}
      key: {{ .Values.kafka.sasl.jaasConfigKey }}
{{- end }}
{{- if .Values.kafka.tls.enabled }}
- name: KAFKA_SSL_TRUSTSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ required "kafka.tls.existingSecret is required when kafka.tls.enabled" .Values.kafka.tls.existingSecret }}
      key: {{ .Values.kafka.tls.truststorePasswordKey }}
{{- if .Values.kafka.tls.keystoreKey }}
- name: KAFKA_SSL_KEYSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.kafka.tls.existingSecret }}
      key: {{ .Values.kafka.tls.keystorePasswordKey }}
{{- end }}
{{- end }}
{{- end -}}

{{- define "policywire.tlsVolume" -}}
{{- if .Values.kafka.tls.enabled }}
- name: kafka-tls
  secret:
    secretName: {{ .Values.kafka.tls.existingSecret }}
{{- end }}
{{- end -}}

{{- define "policywire.tlsVolumeMount" -}}
{{- if .Values.kafka.tls.enabled }}
- name: kafka-tls
  mountPath: /etc/policywire/tls
  readOnly: true
{{- end }}
{{- end -}}
