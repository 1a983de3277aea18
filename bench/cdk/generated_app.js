// The synth benchmark's generated app (bench/generated_app.cpp) written for aws-cdk-lib,
// so that bench/run.sh can time both on the same machine in the same run, and the test
// bench.generated_app.cdk_reference can check that both write the same templates.
//   node generated_app.js RESOURCES      (CDK_OUTDIR: where to write)
// Same stacks, constructs, ids, resources, parameters, mapping, condition, outputs and
// references as the C++ program; keep the two in step.
const cdk = require('aws-cdk-lib');
const { Construct } = require('constructs');

const kResourcesPerStack = 500;  // CloudFormation's limit
const kGroupSize = 5;

function addSharedElements(stack) {
  const instanceType = new cdk.CfnParameter(stack, 'InstanceType', {
    type: 'String',
    default: 't3.micro',
    allowedValues: ['t3.micro', 't3.small', 'm5.large'],
    description: 'EC2 instance type',
  });
  const keyName = new cdk.CfnParameter(stack, 'KeyName', {
    type: 'AWS::EC2::KeyPair::KeyName',
    description: 'SSH key pair',
  });
  const environment = new cdk.CfnParameter(stack, 'Environment', {
    type: 'String',
    default: 'dev',
    allowedValues: ['dev', 'prod'],
  });
  const regionMap = new cdk.CfnMapping(stack, 'RegionMap', {
    mapping: {
      'us-east-1': { AMI: 'ami-0abcdef1234567890' },
      'eu-west-1': { AMI: 'ami-0fedcba9876543210' },
      'ap-south-1': { AMI: 'ami-00112233445566778' },
    },
  });
  const isProd = new cdk.CfnCondition(stack, 'IsProd', {
    expression: cdk.Fn.conditionEquals(environment.valueAsString, 'prod'),
  });
  return { instanceType, keyName, environment, regionMap, isProd };
}

function tags(name) {
  return [{ Key: 'Name', Value: `${cdk.Aws.STACK_NAME}-${name}` }, { Key: 'Team', Value: 'platform' }];
}

// Adds up to kGroupSize resources (fewer for the last group of an odd-sized stack).
function addGroup(stack, shared, index, count) {
  const name = `Service${index}`;
  const group = new Construct(stack, name);

  const bucket = new cdk.CfnResource(group, 'Bucket', {
    type: 'AWS::S3::Bucket',
    properties: { VersioningConfiguration: { Status: 'Enabled' }, Tags: tags(name) },
  });
  bucket.cfnOptions.deletionPolicy = cdk.CfnDeletionPolicy.RETAIN;
  bucket.cfnOptions.updateReplacePolicy = cdk.CfnDeletionPolicy.RETAIN;
  if (count < 2) return;

  const queue = new cdk.CfnResource(group, 'Queue', {
    type: 'AWS::SQS::Queue',
    properties: {
      VisibilityTimeout: 300,
      QueueName: cdk.Fn.join('-', [cdk.Aws.STACK_NAME, name, 'queue']),
      Tags: tags(name),
    },
  });
  if (count < 3) return;

  const securityGroup = new cdk.CfnResource(group, 'SecurityGroup', {
    type: 'AWS::EC2::SecurityGroup',
    properties: {
      GroupDescription: `Security group of ${name}`,
      SecurityGroupIngress: [
        { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' },
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '10.0.0.0/8' },
      ],
      Tags: tags(name),
    },
  });
  if (count < 4) return;

  const role = new cdk.CfnResource(group, 'Role', {
    type: 'AWS::IAM::Role',
    properties: {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: `ec2.${cdk.Aws.URL_SUFFIX}` }, Action: 'sts:AssumeRole' }],
      },
      Policies: [{
        PolicyName: 'Access',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `${bucket.getAtt('Arn')}/*` },
            { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: queue.getAtt('Arn') },
          ],
        },
      }],
    },
  });
  if (count < 5) return;

  const instance = new cdk.CfnResource(group, 'Instance', {
    type: 'AWS::EC2::Instance',
    properties: {
      ImageId: shared.regionMap.findInMap(cdk.Aws.REGION, 'AMI'),
      InstanceType: cdk.Fn.conditionIf(shared.isProd.logicalId, 'm5.large', shared.instanceType.valueAsString),
      KeyName: shared.keyName.valueAsString,
      SecurityGroupIds: [securityGroup.getAtt('GroupId')],
      UserData: cdk.Fn.base64(cdk.Fn.join('', ['#!/bin/bash -xe\n', 'echo ', queue.getAtt('QueueUrl').toString(),
        ' > /etc/queue\n', 'aws s3 ls s3://', bucket.ref, ' --region ', cdk.Aws.REGION, '\n'])),
      Tags: tags(name),
    },
  });
  instance.addResourceDependency(role);

  new cdk.CfnOutput(stack, `${name}Dns`, {
    value: instance.getAtt('PublicDnsName').toString(),
    description: `Public DNS name of ${name}`,
  });
}

function buildGeneratedApp(app, resources) {
  for (let left = resources, stackIndex = 0; left > 0; ++stackIndex) {
    const inStack = Math.min(left, kResourcesPerStack);
    left -= inStack;
    const stack = new cdk.Stack(app, `BenchStack${stackIndex}`, { description: 'Generated benchmark stack' });
    const shared = addSharedElements(stack);
    for (let done = 0, group = 0; done < inStack; done += kGroupSize, ++group)
      addGroup(stack, shared, group, Math.min(kGroupSize, inStack - done));
  }
}

const resources = Number(process.argv[2]);
if (!Number.isInteger(resources) || resources <= 0) {
  console.error('usage: node generated_app.js RESOURCES (a positive integer)');
  process.exit(2);
}
const app = new cdk.App();  // CDK_OUTDIR says where to write, as the cdk CLI sets it
buildGeneratedApp(app, resources);
app.synth();
