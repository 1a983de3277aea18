// The newsblog sample (samples/newsblog/main.cpp) written for aws-cdk-lib, so that
// bench/newsblog.sh can time both on the same machine in the same run. The asset folder
// is the C++ sample's, so both hash the same content.
const path = require('path');
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const iam = require('aws-cdk-lib/aws-iam');
const assets = require('aws-cdk-lib/aws-s3-assets');
const autoscaling = require('aws-cdk-lib/aws-autoscaling');

const app = new cdk.App();  // CDK_OUTDIR says where to write, as the cdk CLI sets it
const stack = new cdk.Stack(app, 'NewsBlogStack');
const vpc = new ec2.Vpc(stack, 'NewsBlogVPC', { maxAzs: 2 });
const asset = new assets.Asset(stack, 'YourSampleApp', {
  path: path.join(__dirname, '..', '..', 'samples', 'newsblog', 'html'),
});
const userData = ec2.UserData.forLinux();
userData.addCommands('yum install -y nginx', 'chkconfig nginx on', 'service nginx start');
userData.addCommands(`aws s3 cp s3://${asset.s3BucketName}/${asset.s3ObjectKey} /tmp/site.zip`,
                     'unzip -o /tmp/site.zip -d /usr/share/nginx/html');
const role = new iam.Role(stack, 'InstanceRole', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
asset.grantRead(role);
new autoscaling.AutoScalingGroup(stack, 'YourAppAutoScalingGroup', {
  vpc,
  instanceType: ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.MICRO),
  machineImage: new ec2.AmazonLinuxImage(),
  desiredCapacity: 2,
  role,
  userData,
});
app.synth();
