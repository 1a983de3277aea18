// A web server in a public subnet: a VPC with public subnets only (no NAT gateway), a
// security group that allows HTTP from anywhere and SSH from one prefix (203.0.113.0/24
// stands for your office; connect with EC2 Instance Connect, no key pair needed), an
// Amazon Linux 2023 instance that installs nginx, and outputs of its public IP and DNS
// name. IMDSv2 is required (cdkpp's default). The same program in CDK gives the same
// template, apart from that launch template.
#include <cdk/cdk.hpp>
#include <cdk/ec2.hpp>

int main(int argc, char** argv) {
  using namespace cdk::ec2;
  cdk::App app{argc, argv};
  auto& stack = app.add<cdk::Stack>("InstancePublicIp");

  auto& vpc = stack.add<Vpc>("Vpc", {
      .max_azs = 2,
      .nat_gateways = 0,
      .subnet_configuration = std::vector<SubnetConfiguration>{
          {.name = "Public", .subnet_type = SubnetType::Public, .cidr_mask = 24}},
  });

  auto& web_sg = stack.add<SecurityGroup>("WebSecurityGroup", {
      .vpc = vpc,
      .description = "HTTP from anywhere, SSH from the office",
  });
  web_sg.add_ingress_rule(Peer::any_ipv4(), Port::http(), "HTTP from anywhere");
  web_sg.add_ingress_rule(Peer::ipv4("203.0.113.0/24"), Port::ssh(), "SSH from the office");

  auto user_data = UserData::for_linux();
  user_data.add_commands({"dnf install -y nginx", "systemctl enable --now nginx"});

  auto& web = stack.add<Instance>("WebServer", {
      .vpc = vpc,
      .vpc_subnets = SubnetSelection{.subnet_type = SubnetType::Public},
      .instance_type = InstanceType::of(InstanceClass::T3, InstanceSize::Micro),
      .machine_image = MachineImage::latest_amazon_linux2023(),
      .security_group = web_sg,
      .user_data = user_data,
      .associate_public_ip_address = true,
  });

  stack.add<cdk::CfnOutput>("PublicIp", {.value = web.instance_public_ip(),
                                         .description = "Public IP address of the web server"});
  stack.add<cdk::CfnOutput>("PublicDnsName", {.value = web.instance_public_dns_name(),
                                              .description = "Public DNS name of the web server"});
  stack.add<cdk::CfnOutput>("Url", {.value = "http://" + web.instance_public_dns_name()});
  return app.synth_main();
}
