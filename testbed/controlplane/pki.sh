# openssl helpers shared by up.sh and node-credentials.sh (sourced after common.sh, not run).
# Every certificate is signed by $PKI/ca.crt and carries a SAN where it serves TLS (Go ignores the CN).

# new_key FILE: an RSA key (PKCS#8 PEM), readable by root only.
new_key() { (umask 077 && openssl genrsa -out "$1" 2048 2>/dev/null); }

# issue BASE SUBJECT USAGE [SAN]: writes BASE.key (if missing) and BASE.crt; USAGE is clientAuth or serverAuth.
# Signed by $PKI/ca unless PKI_ISSUER names another CA's base path (PKI_ISSUER=$PKI/front-proxy-ca issue ...).
issue() {
  local base="$1" subject="$2" usage="$3" san="${4:-}" ext
  [ -f "$base.key" ] || new_key "$base.key"
  ext="$(mktemp)"
  {
    echo "basicConstraints=critical,CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    echo "extendedKeyUsage=$usage"
    [ -z "$san" ] || echo "subjectAltName=$san"
  } >"$ext"
  if ! openssl req -new -key "$base.key" -subj "$subject" 2>"$ext.err" |
    openssl x509 -req -CA "${PKI_ISSUER:-$PKI/ca}.crt" -CAkey "${PKI_ISSUER:-$PKI/ca}.key" -set_serial "0x$(openssl rand -hex 16)" \
      -days 3650 -extfile "$ext" -out "$base.crt" 2>>"$ext.err"; then
    echo "testbed: openssl could not issue $base.crt ($subject): $(tail -n 3 "$ext.err" | tr '\n' ' ')" >&2
    rm -f "$ext" "$ext.err"
    return 1
  fi
  rm -f "$ext" "$ext.err"
}

# new_ca: the one CA that signs every serving and client certificate of the testbed.
new_ca() {
  new_key "$PKI/ca.key"
  openssl req -x509 -new -key "$PKI/ca.key" -subj "/CN=vk-testbed-ca" -days 3650 \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign,digitalSignature" \
    -out "$PKI/ca.crt" 2>/dev/null
}

# new_front_proxy_ca: the CA of the API aggregation layer's request headers, apart from ca.crt because a
# certificate it signs may assert any user to an extension apiserver (metrics-server): only the apiserver's
# front-proxy-client holds one.
new_front_proxy_ca() {
  new_key "$PKI/front-proxy-ca.key"
  openssl req -x509 -new -key "$PKI/front-proxy-ca.key" -subj "/CN=vk-testbed-front-proxy-ca" -days 3650 \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign,digitalSignature" \
    -out "$PKI/front-proxy-ca.crt" 2>/dev/null
  PKI_ISSUER="$PKI/front-proxy-ca" issue "$PKI/front-proxy-client" "/CN=front-proxy-client" clientAuth
}

# write_kubeconfig FILE SERVER CERT KEY USER: a kubeconfig with the CA and client pair embedded.
write_kubeconfig() {
  local file="$1" server="$2" cert="$3" key="$4" user="$5"
  (umask 077 && cat >"$file.tmp" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: vk-testbed
  cluster:
    server: $server
    certificate-authority-data: $(base64 -w0 <"$PKI/ca.crt")
users:
- name: $user
  user:
    client-certificate-data: $(base64 -w0 <"$cert")
    client-key-data: $(base64 -w0 <"$key")
contexts:
- name: vk-testbed
  context:
    cluster: vk-testbed
    user: $user
    namespace: default
current-context: vk-testbed
EOF
  ) && mv "$file.tmp" "$file"
}
