#!/usr/bin/env python3
"""What a deployed stack must contain, read from a synthesized cloud assembly.

  cfn_expectations.py stacks MANIFEST
      one line per stack artifact, in manifest (deploy) order, those of nested assemblies
      (stages) at the place of their assembly: <stack name> <template file relative to
      the manifest's folder> <display name>
  cfn_expectations.py verify TEMPLATE REGION STACKS_JSON RESOURCES_JSON EXPORTS_JSON [KEY=VALUE ...]
      checks a created stack (the JSON of `aws cloudformation describe-stacks`,
      `describe-stack-resources` and `list-exports`) against the template: every
      resource, output and export whose Condition holds for the given parameter values
      (the rest take their Default) exists, resources are CREATE_COMPLETE, nothing else
      exists; resource types moto's CloudFormation does not implement (it records a
      nameless placeholder for them) are listed as not checked. Prints a
      line per resource, `<type> <logical id> <physical id>`, for deeper checks; exits
      1 listing every problem otherwise.
  cfn_expectations.py network TEMPLATE VERIFIED_TXT DESCRIBED_DIR
      checks that the network and compute moto really built agree with the template:
      VPCs and subnets with their CIDRs, NAT gateways in their subnets, every route in
      its route table with its target, and auto scaling groups
      running their desired number of instances. DESCRIBED_DIR holds the JSON of
      `aws ec2 describe-vpcs`, `describe-subnets`, `describe-route-tables`,
      `describe-nat-gateways` and `aws autoscaling describe-auto-scaling-groups`
      (vpcs.json, subnets.json, route_tables.json, nat_gateways.json, asgs.json).
      Subnet route table associations are not checked: moto's CloudFormation creates
      them but does not list them in describe-route-tables.

Used by moto_check.sh; Python because moto and the aws CLI (v1) already need it.
"""
import json
import os
import sys


def stacks(manifest_path, prefix=""):
    with open(manifest_path) as f:
        manifest = json.load(f)
    for artifact_id, artifact in manifest["artifacts"].items():
        props = artifact.get("properties", {})
        if artifact.get("type") == "aws:cloudformation:stack":
            print(props.get("stackName", artifact_id), prefix + props["templateFile"],
                  artifact.get("displayName", artifact_id))
        elif artifact.get("type") == "cdk:cloud-assembly":
            folder = props["directoryName"]
            stacks(os.path.join(os.path.dirname(manifest_path), folder, "manifest.json"), prefix + folder + "/")


class ConditionEvaluator:
    """Evaluates the Conditions section the way CloudFormation does at create time."""

    def __init__(self, template, region, given):
        self.template = template
        self.values = {"AWS::Region": region, "AWS::AccountId": "123456789012", "AWS::Partition": "aws",
                       "AWS::URLSuffix": "amazonaws.com"}
        for name, parameter in template.get("Parameters", {}).items():
            if name in given:
                self.values[name] = given[name]
            elif "Default" in parameter:
                self.values[name] = str(parameter["Default"])
        self.cache = {}

    def condition(self, name):
        if name not in self.cache:
            self.cache[name] = bool(self.evaluate(self.template["Conditions"][name]))
        return self.cache[name]

    def evaluate(self, node):
        if isinstance(node, (str, int, float, bool)):
            return str(node) if not isinstance(node, bool) else node
        if isinstance(node, dict) and len(node) == 1:
            (function, argument), = node.items()
            if function == "Ref":
                if argument not in self.values:
                    raise ValueError(f"no value for Ref {argument}; pass it as KEY=VALUE")
                return self.values[argument]
            if function == "Condition":
                return self.condition(argument)
            if function == "Fn::Equals":
                return self.evaluate(argument[0]) == self.evaluate(argument[1])
            if function == "Fn::Not":
                return not self.evaluate(argument[0])
            if function == "Fn::And":
                return all(self.evaluate(a) for a in argument)
            if function == "Fn::Or":
                return any(self.evaluate(a) for a in argument)
            if function == "Fn::FindInMap":
                name, top, second = (self.evaluate(a) for a in argument)
                return str(self.template["Mappings"][name][top][second])
        raise ValueError(f"cannot evaluate {json.dumps(node)} in a condition; extend cfn_expectations.py")


# Types moto creates but records without their logical id (a moto gap): the stack's
# resource list holds an entry with an empty LogicalResourceId instead.
MOTO_UNNAMED_TYPES = {"AWS::CloudFormation::WaitConditionHandle", "AWS::AutoScaling::ScalingPolicy"}


def moto_models(resource_type):
    """Whether moto's CloudFormation creates this type: it skips the others with a
    warning (AWS::S3::BucketPolicy in moto 5, say), so they cannot be checked there."""
    try:
        from moto.cloudformation.parsing import resource_class_from_type
    except ImportError:  # moto not importable from this Python: assume it models everything
        return True
    return resource_class_from_type(resource_type) is not None


def verify(template_path, region, stacks_path, resources_path, exports_path, assignments):
    with open(template_path) as f:
        template = json.load(f)
    with open(stacks_path) as f:
        stack = json.load(f)["Stacks"][0]
    with open(resources_path) as f:
        deployed = json.load(f)["StackResources"]
    with open(exports_path) as f:
        exports = [e for e in json.load(f).get("Exports", []) if e.get("ExportingStackId") == stack["StackId"]]
    evaluator = ConditionEvaluator(template, region, dict(a.split("=", 1) for a in assignments))

    def present(element):
        return "Condition" not in element or evaluator.condition(element["Condition"])

    problems = []
    by_id = {r.get("LogicalResourceId", ""): r for r in deployed}
    unnamed = [r for r in deployed if not r.get("LogicalResourceId")]
    expected_count = 0
    for logical_id, resource in template.get("Resources", {}).items():
        if not present(resource):
            continue
        expected_count += 1
        record = by_id.get(logical_id)
        modelled = moto_models(resource["Type"])
        if record is None and (resource["Type"] in MOTO_UNNAMED_TYPES or not modelled) and unnamed:
            record = unnamed.pop()
            record = dict(record, LogicalResourceId=logical_id, ResourceType=resource["Type"])
        if not modelled:
            # moto records a nameless placeholder for it; there is nothing more to see.
            print(f"# not checked: moto does not implement {resource['Type']} ({logical_id})")
        elif record is None:
            problems.append(f"resource {logical_id} ({resource['Type']}) was not created")
        elif record.get("ResourceStatus") != "CREATE_COMPLETE":
            problems.append(f"resource {logical_id} is {record.get('ResourceStatus')}")
        else:
            print(resource["Type"], logical_id, record.get("PhysicalResourceId") or "-")
    if len(deployed) != expected_count:
        problems.append(f"the stack has {len(deployed)} resources, the template asks for {expected_count}")

    outputs = {o["OutputKey"]: o.get("OutputValue") for o in stack.get("Outputs", [])}
    for name, output in template.get("Outputs", {}).items():
        if present(output) and not outputs.get(name):
            problems.append(f"output {name} is missing")
        elif not present(output) and name in outputs:
            problems.append(f"output {name} exists although its condition is false")
        elif name in outputs:
            print("Output", name, outputs[name])
            if "Export" in output:
                exported = [e["Name"] for e in exports if e.get("Value") == outputs[name]]
                if exported:
                    print("Export", exported[0], outputs[name])
                else:
                    problems.append(f"output {name} is not exported")
    if problems:
        sys.exit("\n".join(f"FAILED: {p}" for p in problems))


def network(template_path, verified_path, described_dir):
    with open(template_path) as f:
        resources = json.load(f).get("Resources", {})
    physical = {}
    with open(verified_path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[0].startswith("AWS::"):
                physical[parts[1]] = parts[2]

    def described(name, key):
        try:
            with open(f"{described_dir}/{name}.json") as f:
                return json.load(f)[key]
        except FileNotFoundError:
            return []

    vpcs = {v["VpcId"]: v for v in described("vpcs", "Vpcs")}
    subnets = {s["SubnetId"]: s for s in described("subnets", "Subnets")}
    tables = {t["RouteTableId"]: t for t in described("route_tables", "RouteTables")}
    nats = {n["NatGatewayId"]: n for n in described("nat_gateways", "NatGateways")}
    asgs = {a["AutoScalingGroupName"]: a for a in described("asgs", "AutoScalingGroups")}
    exports = {e["Name"]: e["Value"] for e in described("exports", "Exports")}

    def target(value):
        """The physical id a {"Ref": X}, {"Fn::GetAtt": [X, ...]} or {"Fn::ImportValue":
        export} names (an import: what the producer stack exported), or a literal."""
        if isinstance(value, dict) and "Ref" in value:
            return physical.get(value["Ref"])
        if isinstance(value, dict) and "Fn::GetAtt" in value:
            return physical.get(value["Fn::GetAtt"][0])
        if isinstance(value, dict) and "Fn::ImportValue" in value:
            return exports.get(value["Fn::ImportValue"])
        return value

    problems, counts = [], {}
    for logical, resource in resources.items():
        kind, props, mine = resource["Type"], resource.get("Properties", {}), physical.get(logical)
        if mine is None:
            continue
        counts[kind] = counts.get(kind, 0) + 1
        if kind == "AWS::EC2::VPC":
            if mine not in vpcs or vpcs[mine]["CidrBlock"] != props.get("CidrBlock", vpcs.get(mine, {}).get("CidrBlock")):
                problems.append(f"VPC {logical} ({mine}) missing or with another CIDR")
        elif kind == "AWS::EC2::Subnet":
            subnet = subnets.get(mine)
            if not subnet or subnet["VpcId"] != target(props.get("VpcId")) or subnet["CidrBlock"] != props.get("CidrBlock"):
                problems.append(f"subnet {logical} ({mine}) missing, or in another VPC or CIDR: {subnet}")
        elif kind == "AWS::EC2::NatGateway":
            nat = nats.get(mine)
            if not nat or nat["SubnetId"] != target(props.get("SubnetId")):
                problems.append(f"NAT gateway {logical} ({mine}) missing or in another subnet")
        elif kind == "AWS::EC2::Route":
            table = tables.get(target(props.get("RouteTableId")), {"Routes": []})
            via = next((target(props[k]) for k in ("GatewayId", "NatGatewayId", "InstanceId", "VpcEndpointId")
                        if k in props), None)
            if not any(r.get("DestinationCidrBlock") == props.get("DestinationCidrBlock") and
                       via in (r.get("GatewayId"), r.get("NatGatewayId"), r.get("InstanceId")) for r in table["Routes"]):
                problems.append(f"route {logical}: {props.get('DestinationCidrBlock')} via {via} is not in its table")
        elif kind == "AWS::AutoScaling::AutoScalingGroup":
            group = asgs.get(mine)
            wanted = props.get("DesiredCapacity", props.get("MinSize"))
            if not group:
                problems.append(f"auto scaling group {logical} ({mine}) does not exist")
            elif isinstance(wanted, (str, int)) and len(group["Instances"]) != int(wanted):
                problems.append(f"auto scaling group {logical} runs {len(group['Instances'])} instances, not {wanted}")
            elif isinstance(props.get("VPCZoneIdentifier"), list) and \
                    sorted(str(target(s)) for s in props["VPCZoneIdentifier"]) != \
                    sorted(s for s in group.get("VPCZoneIdentifier", "").split(",") if s):
                problems.append(f"auto scaling group {logical} is in subnets {group.get('VPCZoneIdentifier')}, "
                                f"not {[target(s) for s in props['VPCZoneIdentifier']]}")
            else:
                print(f"auto scaling group {logical}: {len(group['Instances'])} instances (desired {wanted})")
    for kind in sorted(counts):
        print(f"{kind}: {counts[kind]} checked against what moto built")
    if problems:
        sys.exit("\n".join(f"FAILED: {p}" for p in problems))


def main(argv):
    if len(argv) >= 3 and argv[1] == "stacks":
        stacks(argv[2])
    elif len(argv) >= 7 and argv[1] == "verify":
        verify(argv[2], argv[3], argv[4], argv[5], argv[6], argv[7:])
    elif len(argv) == 5 and argv[1] == "network":
        network(argv[2], argv[3], argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
