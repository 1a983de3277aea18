#!/usr/bin/env bash
# Deploys every stack a sample synthesizes to a local moto server with the aws CLI and
# checks that each reaches CREATE_COMPLETE with its resources and outputs in place.
# usage: moto_check.sh SAMPLE_BINARY SAMPLE_DIR
# SAMPLE_DIR/moto_parameters.txt, when present, holds KEY=VALUE lines passed to
# create-stack (parameters without a default must be given). Before deploying, the
# script creates what such parameters usually name: the key pair "cdkpp-test-key", and
# the SSM parameter /cdk-bootstrap/hnb659fds/version = 6 that the BootstrapVersion
# parameter of the default synthesizer reads.
# Stacks deploy in the manifest's order (dependencies first), those of stages from their
# nested assemblies; create-stack, not deploy: moto's change sets drop a stack's outputs
# and exports, which the stacks that import them need.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
tools_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

binary=$1
sample_dir=$2
require_command moto_server "install it with: pip install 'moto[server]'"
require_command aws "install it with: pip install awscli"
require_command python3 "moto and the aws CLI need it"

work=$(mktemp -d)
moto_pid=""
cleanup() {
  if [[ -n "$moto_pid" ]]; then
    kill "$moto_pid" 2>/dev/null || true
    wait "$moto_pid" 2>/dev/null || true
  fi
  [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT
# ctest stops a test that runs over its TIMEOUT with a signal; exit so that the EXIT trap
# still stops the server.
trap 'exit 143' TERM INT

synth_sample "$binary" "$work/cdk.out"

# Dummy credentials and a clean configuration: nothing here may reach real AWS.
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=testing
export AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1 AWS_PAGER=""
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
unset AWS_PROFILE

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
endpoint="http://127.0.0.1:$port"
for _ in $(seq 1 150); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  kill -0 "$moto_pid" 2>/dev/null || { cat "$work/moto.log" >&2; fail "moto_server exited early"; }
  sleep 0.1
done
(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || fail "moto_server did not listen on port $port within 15 s"

awsl() { aws --endpoint-url "$endpoint" --output text "$@"; }

assignments=()
if [[ -f "$sample_dir/moto_parameters.txt" ]]; then
  while IFS= read -r line; do
    [[ -z "$line" || "$line" == \#* ]] && continue
    assignments+=("$line")
  done <"$sample_dir/moto_parameters.txt"
fi
parameters=()
for assignment in "${assignments[@]}"; do
  parameters+=("ParameterKey=${assignment%%=*},ParameterValue=${assignment#*=}")
done

# Each aws call costs about half a second, so set up only what the sample uses.
if grep -rq --include='*.template.json' '"/cdk-bootstrap/hnb659fds/version"' "$work/cdk.out"; then
  awsl ssm put-parameter --name /cdk-bootstrap/hnb659fds/version --type String --value 6 >/dev/null
fi
if [[ " ${assignments[*]} " == *=cdkpp-test-key\ * ]]; then
  awsl ec2 create-key-pair --key-name cdkpp-test-key --query KeyName >/dev/null
fi

while read -r stack template _; do
  echo "== $stack ($template)"
  args=(--stack-name "$stack" --template-body "file://$work/cdk.out/$template")
  ((${#parameters[@]})) && args+=(--parameters "${parameters[@]}")
  awsl cloudformation create-stack "${args[@]}" >/dev/null || fail "create-stack $stack was rejected"
  awsl cloudformation wait stack-create-complete --stack-name "$stack" ||
    echo "wait stack-create-complete: $stack did not complete" >&2
  awsl cloudformation describe-stacks --stack-name "$stack" --output json >"$work/stacks.json"
  status=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["Stacks"][0]["StackStatus"])' "$work/stacks.json")
  if [[ "$status" != CREATE_COMPLETE ]]; then
    awsl cloudformation describe-stack-events --stack-name "$stack" \
      --query 'StackEvents[].[LogicalResourceId,ResourceStatus,ResourceStatusReason]' >&2 || true
    fail "$stack is $status, not CREATE_COMPLETE"
  fi
  echo "stack $stack: CREATE_COMPLETE"

  awsl cloudformation describe-stack-resources --stack-name "$stack" --output json >"$work/resources.json"
  echo '{"Exports": []}' >"$work/exports.json"
  if grep -qE '"(Export|Fn::ImportValue)"' "$work/cdk.out/$template"; then
    awsl cloudformation list-exports --output json >"$work/exports.json"
  fi
  python3 "$tools_dir/cfn_expectations.py" verify "$work/cdk.out/$template" us-east-1 \
    "$work/stacks.json" "$work/resources.json" "$work/exports.json" "${assignments[@]}" >"$work/verified.txt" ||
    fail "$stack does not match its template"
  cat "$work/verified.txt"

  # Where moto models the service, the resource itself must exist, not just its record.
  instances=() buckets=()
  while read -r type _ physical; do
    case "$type" in
      AWS::EC2::Instance) instances+=("$physical") ;;
      AWS::S3::Bucket) buckets+=("$physical") ;;
    esac
  done <"$work/verified.txt"
  if ((${#instances[@]})); then
    states=$(awsl ec2 describe-instances --instance-ids "${instances[@]}" \
      --query "Reservations[].Instances[].[InstanceId,State.Name,InstanceType,Tags[?Key=='Name'].Value | [0]]")
    for id in "${instances[@]}"; do
      grep -qE "^$id[[:space:]]+running[[:space:]]" <<<"$states" || fail "$stack: instance $id is not running: $states"
    done
    echo "ec2 (id, state, type, Name tag):"
    echo "$states"
  fi
  if grep -qE '^AWS::(EC2::(VPC|Subnet|NatGateway|Route) |AutoScaling::AutoScalingGroup )' "$work/verified.txt"; then
    described="$work/described"
    mkdir -p "$described"
    awsl ec2 describe-vpcs --output json >"$described/vpcs.json"
    awsl ec2 describe-subnets --output json >"$described/subnets.json"
    awsl ec2 describe-route-tables --output json >"$described/route_tables.json"
    awsl ec2 describe-nat-gateways --output json >"$described/nat_gateways.json"
    awsl autoscaling describe-auto-scaling-groups --output json >"$described/asgs.json"
    cp "$work/exports.json" "$described/exports.json"
    python3 "$tools_dir/cfn_expectations.py" network "$work/cdk.out/$template" "$work/verified.txt" "$described" ||
      fail "$stack: the network or compute moto built does not match the template"
  fi
  if ((${#buckets[@]})); then
    names=$(awsl s3api list-buckets --query 'Buckets[].Name' | tr '\t' '\n')
    for bucket in "${buckets[@]}"; do
      grep -qx "$bucket" <<<"$names" || fail "$stack: bucket $bucket does not exist"
    done
    echo "s3: buckets ${buckets[*]} exist"
  fi
done < <(python3 "$tools_dir/cfn_expectations.py" stacks "$work/cdk.out/manifest.json")
