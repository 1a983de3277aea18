// The multi_stage sample (samples/multi_stage/main.cpp) written for aws-cdk-lib: the
// test sample.multi_stage.cdk_reference runs both and compares their cloud assemblies.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const s3 = require('aws-cdk-lib/aws-s3');
const autoscaling = require('aws-cdk-lib/aws-autoscaling');

const app = new cdk.App();  // CDK_OUTDIR says where to write, as the cdk CLI sets it

const environments = [
  { name: 'Dev', natGateways: 1, size: ec2.InstanceSize.MICRO, min: 1, max: 2,
    dataRemoval: cdk.RemovalPolicy.DESTROY },
  { name: 'Prod', natGateways: 2, size: ec2.InstanceSize.SMALL, min: 2, max: 4,
    dataRemoval: cdk.RemovalPolicy.RETAIN },
];
for (const e of environments) {
  const stage = new cdk.Stage(app, e.name);
  // Per stage: aspects, and so tags, of the app do not reach into stages.
  cdk.Tags.of(stage).add('project', 'multi-stage');
  cdk.Tags.of(stage).add('environment', e.name.toLowerCase());

  const network = new cdk.Stack(stage, 'Network');
  const vpc = new ec2.Vpc(network, 'Vpc', { maxAzs: 2, natGateways: e.natGateways });

  const compute = new cdk.Stack(stage, 'Compute');
  const data = new s3.Bucket(compute, 'Data', { versioned: true });
  cdk.RemovalPolicies.of(data).apply(e.dataRemoval);
  const web = new autoscaling.AutoScalingGroup(compute, 'Web', {
    vpc,
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, e.size),
    machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    minCapacity: e.min,
    maxCapacity: e.max,
  });
  data.grantRead(web);
  new cdk.CfnOutput(compute, 'WebGroupName', { value: web.autoScalingGroupName });
}
app.synth();
