#!/bin/sh
# Builds the JNI shim of OpenSslTransform (srtp_openssl.c) into the jar's classes, for this
# machine's OS and architecture, with its gcc against its libcrypto. Without gcc, the JNI
# headers or OpenSSL's headers there is nothing to build: the SRTP engine then runs in Java.
# A compile error fails the build.
#
# usage: build.sh <java home> <classes directory>
set -e
java_home=$1
out="$2/native/$(uname -s | tr A-Z a-z)-$(uname -m)"
src=$(dirname "$0")/srtp_openssl.c
[ -f "$java_home/include/jni.h" ] || java_home=$(dirname "$java_home")
if ! command -v gcc >/dev/null || [ ! -f "$java_home/include/jni.h" ] || [ ! -f /usr/include/openssl/evp.h ]; then
  echo "srtp_openssl: no gcc, JNI or OpenSSL headers: SRTP will run in Java" >&2
  exit 0
fi
mkdir -p "$out"
if [ "$out/libjmsrtp.so" -nt "$src" ]; then
  exit 0
fi
gcc -O2 -fPIC -shared -Wall -I"$java_home/include" -I"$java_home/include/linux" \
  -o "$out/libjmsrtp.so" "$src" -lcrypto
