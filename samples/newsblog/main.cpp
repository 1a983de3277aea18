// The CDK newsblog sample: a VPC over two AZs, a static site packaged as an S3 asset, an
// instance role that can read it, and an auto scaling group of two t3.micro instances
// whose user data installs nginx and unpacks the site. The same program as CDK's (see
// bench/cdk/newsblog.js); the template differs from CDK's only where cdkpp's defaults
// are deliberately safer (reference_differences.json lists each difference).
#include <cdk/autoscaling.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ec2.hpp>
#include <cdk/iam.hpp>
#include <cdk/s3_assets.hpp>

int main(int argc, char** argv) {
  cdk::App app{argc, argv};
  auto& stack = app.add<cdk::Stack>("NewsBlogStack");

  auto& vpc = stack.add<cdk::ec2::Vpc>("NewsBlogVPC", {.max_azs = 2});
  auto& site = stack.add<cdk::s3_assets::Asset>("YourSampleApp", {.path = CDKPP_SAMPLE_DIR "/html"});

  auto user_data = cdk::ec2::UserData::for_linux();
  user_data.add_commands({"yum install -y nginx", "chkconfig nginx on", "service nginx start"});
  user_data.add_commands({"aws s3 cp s3://" + site.s3_bucket_name() + "/" + site.s3_object_key() + " /tmp/site.zip",
                          "unzip -o /tmp/site.zip -d /usr/share/nginx/html"});

  auto& role = stack.add<cdk::iam::Role>("InstanceRole", {.assumed_by = cdk::iam::ServicePrincipal{"ec2.amazonaws.com"}});
  site.grant_read(role);

  stack.add<cdk::autoscaling::AutoScalingGroup>("YourAppAutoScalingGroup", {
      .vpc = vpc,
      .instance_type = cdk::ec2::InstanceType::of(cdk::ec2::InstanceClass::Burstable3, cdk::ec2::InstanceSize::Micro),
      .machine_image = cdk::ec2::AmazonLinuxImage{},
      .role = role,
      .user_data = user_data,
      .desired_capacity = 2,
  });
  return app.synth_main();
}
