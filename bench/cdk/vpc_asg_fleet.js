// The synth benchmark's fleet app (bench/vpc_asg_fleet.cpp) written for aws-cdk-lib:
// COPIES stacks, each a VPC over two AZs with an auto scaling group that scales on CPU.
//   node vpc_asg_fleet.js COPIES      (CDK_OUTDIR: where to write)
// The group gets a launch template requiring IMDSv2, as cdkpp's does by default (CDK's
// default is a deprecated launch configuration without IMDSv2).
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const autoscaling = require('aws-cdk-lib/aws-autoscaling');

const copies = Number(process.argv[2]);
if (!Number.isInteger(copies) || copies <= 0) {
  console.error('usage: node vpc_asg_fleet.js COPIES (a positive integer)');
  process.exit(2);
}
const app = new cdk.App({
  context: { '@aws-cdk/aws-autoscaling:generateLaunchTemplateInsteadOfLaunchConfig': true },
});
for (let i = 0; i < copies; ++i) {
  const stack = new cdk.Stack(app, `FleetStack${i}`);
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
  const group = new autoscaling.AutoScalingGroup(stack, 'Asg', {
    vpc,
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.MICRO),
    machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    minCapacity: 1,
    maxCapacity: 4,
    desiredCapacity: 2,
    requireImdsv2: true,
  });
  group.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 50 });
  new cdk.CfnOutput(stack, 'GroupName', { value: group.autoScalingGroupName });
}
app.synth();
