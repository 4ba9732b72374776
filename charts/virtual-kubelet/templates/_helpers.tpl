{{/* Chart name, truncated to 63 characters (a label value). */}}
{{- define "virtual-kubelet.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name of the release's objects: the release name when it already contains the chart
name, else <release>-<chart>; at most 63 characters.
*/}}
{{- define "virtual-kubelet.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "virtual-kubelet.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "virtual-kubelet.labels" -}}
helm.sh/chart: {{ include "virtual-kubelet.chart" . }}
{{ include "virtual-kubelet.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "virtual-kubelet.selectorLabels" -}}
app.kubernetes.io/name: {{ include "virtual-kubelet.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The ServiceAccount the node runs as. */}}
{{- define "virtual-kubelet.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "virtual-kubelet.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Node object's name (setting node-name): nodeName, else the release name. */}}
{{- define "virtual-kubelet.nodeName" -}}
{{- default .Release.Name .Values.nodeName }}
{{- end }}

{{/* The election Lease (setting leader-elect-resource-name), as the node derives it. */}}
{{- define "virtual-kubelet.leaseName" -}}
{{- printf "%s-leader" (include "virtual-kubelet.nodeName" .) }}
{{- end }}

{{/* Whether several replicas elect a leader. */}}
{{- define "virtual-kubelet.ha" -}}
{{- if gt (int .Values.replicaCount) 1 }}true{{- end }}
{{- end }}

{{- define "virtual-kubelet.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag | toString) }}
{{- end }}

{{/* Where the config file and the TLS files are mounted. */}}
{{- define "virtual-kubelet.configDir" -}}/etc/virtual-kubelet{{- end }}

{{/*
The node's config file: a map of setting: value, named as in docs/configuration.md. Built as one dict
so that an entry of .Values.settings replaces the derived one instead of duplicating the key.
*/}}
{{- define "virtual-kubelet.config" -}}
{{- $v := .Values }}
{{- $cfg := dict }}
{{- $_ := set $cfg "node-name" (include "virtual-kubelet.nodeName" .) }}
{{- $_ = set $cfg "provider" $v.provider }}
{{- $_ = set $cfg "kubelet-port" (int $v.kubeletPort) }}
{{- $_ = set $cfg "health-port" (int $v.healthPort) }}
{{- $_ = set $cfg "log-level" $v.logLevel }}
{{- with $v.rbac.namespaces }}
{{- $_ = set $cfg "namespaces" (join "," .) }}
{{- end }}
{{- if $v.taint.enabled }}
{{- $_ = set $cfg "taint" (printf "%s=%s:%s" $v.taint.key (default $v.provider $v.taint.value) $v.taint.effect) }}
{{- else }}
{{- $_ = set $cfg "disable-taint" true }}
{{- end }}
{{- with $v.labels }}
{{- $_ = set $cfg "labels" . }}
{{- end }}
{{- range $resource := list "cpu" "memory" "pods" "gpu" }}
{{- with index $v.capacity $resource }}
{{- $_ = set $cfg (printf "capacity-%s" $resource) (toString .) }}
{{- end }}
{{- end }}
{{- if $v.tls.existingSecret }}
{{- $_ = set $cfg "tls-cert-file" (printf "%s/tls/tls.crt" (include "virtual-kubelet.configDir" .)) }}
{{- $_ = set $cfg "tls-key-file" (printf "%s/tls/tls.key" (include "virtual-kubelet.configDir" .)) }}
{{- end }}
{{- if gt (int $v.replicaCount) 1 }}
{{- $_ = set $cfg "leader-elect" true }}
{{- $_ = set $cfg "leader-elect-resource-namespace" .Release.Namespace }}
{{- $_ = set $cfg "leader-elect-resource-name" (include "virtual-kubelet.leaseName" .) }}
{{- $_ = set $cfg "leader-elect-lease-duration" $v.leaderElection.leaseDuration }}
{{- $_ = set $cfg "leader-elect-renew-deadline" $v.leaderElection.renewDeadline }}
{{- $_ = set $cfg "leader-elect-retry-period" $v.leaderElection.retryPeriod }}
{{- $_ = set $cfg "lease-duration" $v.leaderElection.nodeLeaseDuration }}
{{- end }}
{{- range $name, $value := (index $v $v.provider | default dict) }}
{{- if kindIs "slice" $value }}
{{- $value = join "," $value }}
{{- end }}
{{- $_ = set $cfg (printf "%s-%s" $v.provider $name) $value }}
{{- end }}
{{- range $name, $value := $v.settings }}
{{- $_ = set $cfg $name $value }}
{{- end }}
{{- toYaml $cfg }}
{{- end }}

{{/*
The rules for the pods the node runs, in every namespace it serves: a ClusterRole's rules when it
serves all namespaces, one Role per namespace of rbac.namespaces otherwise.
*/}}
{{- define "virtual-kubelet.podRules" -}}
# Delete a stopped pod (as a kubelet does); write its status and, through the status, what the
# cloud chose (Fargate's CapacityProvisioned annotation). No patch of pods: a node that could
# relabel pods could steer a Service's traffic to them.
- apiGroups: [""]
  resources: [pods]
  verbs: [delete]
- apiGroups: [""]
  resources: [pods/status]
  verbs: [patch]
# Environment and volumes: each referenced config map watched by name (fieldSelector
# metadata.name, as a kubelet does, so a pod costs no read; a plain get when a watch is refused);
# secrets read one by one, never listed (a list would enumerate them all); service link
# variables (services watched; default's "kubernetes" watched by name).
- apiGroups: [""]
  resources: [configmaps]
  verbs: [get, list, watch]
- apiGroups: [""]
  resources: [secrets]
  verbs: [get]
- apiGroups: [""]
  resources: [services]
  verbs: [get, list, watch]
# Service account tokens for projected volumes (TokenRequest, bound to the pod), and the account's
# annotations (Fargate's IAM role), watched by name as config maps are.
- apiGroups: [""]
  resources: [serviceaccounts]
  verbs: [get, list, watch]
- apiGroups: [""]
  resources: [serviceaccounts/token]
  verbs: [create]
# Pod events (a repeated event is patched: its count).
- apiGroups: [""]
  resources: [events]
  verbs: [create, patch]
{{- end }}
