// ec2.Vpc with CDK's defaults: the resources CDK synthesizes for `new ec2.Vpc(stack, 'Vpc')`
// and for the newsblog sample's `new ec2.Vpc(stack, 'NewsBlogVPC', {maxAzs: 2})`, in
// environment-agnostic stacks (aws-cdk-lib 2.x), value for value.
#include "vpc_support.hpp"

#include <cdk/cfn_resource.hpp>
#include <cdk/ec2/cfn_vpc.hpp>

using namespace vpc_test;
using namespace cdk::ec2;

namespace {

// The Resources CDK writes for `new ec2.Vpc(stack, 'Vpc')` in stack VpcDefault.
constexpr const char* kVpcDefaultResources = R"json(
{
 "Resources": {
  "Vpc8378EB38": {
   "Type": "AWS::EC2::VPC",
   "Properties": {
    "CidrBlock": "10.0.0.0/16",
    "EnableDnsHostnames": true,
    "EnableDnsSupport": true,
    "InstanceTenancy": "default",
    "Tags": [
     {
      "Key": "Name",
      "Value": "VpcDefault/Vpc"
     }
    ]
   }
  },
  "VpcPublicSubnet1Subnet5C2D37C4": {
   "Type": "AWS::EC2::Subnet",
   "Properties": {
    "AvailabilityZone": {
     "Fn::Select": [
      0,
      {
       "Fn::GetAZs": ""
      }
     ]
    },
    "CidrBlock": "10.0.0.0/18",
    "MapPublicIpOnLaunch": true,
    "Tags": [
     {
      "Key": "aws-cdk:subnet-name",
      "Value": "Public"
     },
     {
      "Key": "aws-cdk:subnet-type",
      "Value": "Public"
     },
     {
      "Key": "Name",
      "Value": "VpcDefault/Vpc/PublicSubnet1"
     }
    ],
    "VpcId": {
     "Ref": "Vpc8378EB38"
    }
   }
  },
  "VpcPublicSubnet1RouteTable6C95E38E": {
   "Type": "AWS::EC2::RouteTable",
   "Properties": {
    "Tags": [
     {
      "Key": "Name",
      "Value": "VpcDefault/Vpc/PublicSubnet1"
     }
    ],
    "VpcId": {
     "Ref": "Vpc8378EB38"
    }
   }
  },
  "VpcPublicSubnet1RouteTableAssociation97140677": {
   "Type": "AWS::EC2::SubnetRouteTableAssociation",
   "Properties": {
    "RouteTableId": {
     "Ref": "VpcPublicSubnet1RouteTable6C95E38E"
    },
    "SubnetId": {
     "Ref": "VpcPublicSubnet1Subnet5C2D37C4"
    }
   }
  },
  "VpcPublicSubnet1DefaultRoute3DA9E72A": {
   "Type": "AWS::EC2::Route",
   "Properties": {
    "DestinationCidrBlock": "0.0.0.0/0",
    "GatewayId": {
     "Ref": "VpcIGWD7BA715C"
    },
    "RouteTableId": {
     "Ref": "VpcPublicSubnet1RouteTable6C95E38E"
    }
   },
   "DependsOn": [
    "VpcVPCGWBF912B6E"
   ]
  },
  "VpcPublicSubnet1EIPD7E02669": {
   "Type": "AWS::EC2::EIP",
   "Properties": {
    "Domain": "vpc",
    "Tags": [
     {
      "Key": "Name",
      "Value": "VpcDefault/Vpc/PublicSubnet1"
     }
    ]
   }
  },
  "VpcPublicSubnet1NATGateway4D7517AA": {
   "Type": "AWS::EC2::NatGateway",
   "Properties": {
    "AllocationId": {
     "Fn::GetAtt": [
      "VpcPublicSubnet1EIPD7E02669",
      "AllocationId"
     ]
    },
    "SubnetId": {
     "Ref": "VpcPublicSubnet1Subnet5C2D37C4"
    },
    "Tags": [
     {
      "Key": "Name",
      "Value": "VpcDefault/Vpc/PublicSubnet1"
     }
    ]
   },
   "DependsOn": [
    "VpcPublicSubnet1DefaultRoute3DA9E72A",
    "VpcPublicSubnet1RouteTableAssociation97140677"
   ]
  },
  "VpcPublicSubnet2Subnet691E08A3": {
   "Type": "AWS::EC2::Subnet",
   "Properties": {
    "AvailabilityZone": {
     "Fn::Select": [
      1,
      {
       "Fn::GetAZs": ""
      }
     ]
    },
    "CidrBlock": "10.0.64.0/18",
    "MapPublicIpOnLaunch": true,
    "Tags": [
     {
      "Key": "aws-cdk:subnet-name",
      "Value": "Public"
     },
     {
      "Key": "aws-cdk:subnet-type",
      "Value": "Public"
     },
     {
      "Key": "Name",
      "Value": "VpcDefault/Vpc/PublicSubnet2"
     }
    ],
    "VpcId": {
     "Ref": "Vpc8378EB38"
    }
   }
  },
  "VpcPublicSubnet2RouteTable94F7E489": {
   "Type": "AWS::EC2::RouteTable",
   "Properties": {
    "Tags": [
     {
      "Key": "Name",
      "Value": "VpcDefault/Vpc/PublicSubnet2"
     }
    ],
    "VpcId": {
     "Ref": "Vpc8378EB38"
    }
   }
  },
  "VpcPublicSubnet2RouteTableAssociationDD5762D8": {
   "Type": "AWS::EC2::SubnetRouteTableAssociation",
   "Properties": {
    "RouteTableId": {
     "Ref": "VpcPublicSubnet2RouteTable94F7E489"
    },
    "SubnetId": {
     "Ref": "VpcPublicSubnet2Subnet691E08A3"
    }
   }
  },
  "VpcPublicSubnet2DefaultRoute97F91067": {
   "Type": "AWS::EC2::Route",
   "Properties": {
    "DestinationCidrBlock": "0.0.0.0/0",
    "GatewayId": {
     "Ref": "VpcIGWD7BA715C"
    },
    "RouteTableId": {
     "Ref": "VpcPublicSubnet2RouteTable94F7E489"
    }
   },
   "DependsOn": [
    "VpcVPCGWBF912B6E"
   ]
  },
  "VpcPublicSubnet2EIP3C605A87": {
   "Type": "AWS::EC2::EIP",
   "Properties": {
    "Domain": "vpc",
    "Tags": [
     {
      "Key": "Name",
      "Value": "VpcDefault/Vpc/PublicSubnet2"
     }
    ]
   }
  },
  "VpcPublicSubnet2NATGateway9182C01D": {
   "Type": "AWS::EC2::NatGateway",
   "Properties": {
    "AllocationId": {
     "Fn::GetAtt": [
      "VpcPublicSubnet2EIP3C605A87",
      "AllocationId"
     ]
    },
    "SubnetId": {
     "Ref": "VpcPublicSubnet2Subnet691E08A3"
    },
    "Tags": [
     {
      "Key": "Name",
      "Value": "VpcDefault/Vpc/PublicSubnet2"
     }
    ]
   },
   "DependsOn": [
    "VpcPublicSubnet2DefaultRoute97F91067",
    "VpcPublicSubnet2RouteTableAssociationDD5762D8"
   ]
  },
  "VpcPrivateSubnet1Subnet536B997A": {
   "Type": "AWS::EC2::Subnet",
   "Properties": {
    "AvailabilityZone": {
     "Fn::Select": [
      0,
      {
       "Fn::GetAZs": ""
      }
     ]
    },
    "CidrBlock": "10.0.128.0/18",
    "MapPublicIpOnLaunch": false,
    "Tags": [
     {
      "Key": "aws-cdk:subnet-name",
      "Value": "Private"
     },
     {
      "Key": "aws-cdk:subnet-type",
      "Value": "Private"
     },
     {
      "Key": "Name",
      "Value": "VpcDefault/Vpc/PrivateSubnet1"
     }
    ],
    "VpcId": {
     "Ref": "Vpc8378EB38"
    }
   }
  },
  "VpcPrivateSubnet1RouteTableB2C5B500": {
   "Type": "AWS::EC2::RouteTable",
   "Properties": {
    "Tags": [
     {
      "Key": "Name",
      "Value": "VpcDefault/Vpc/PrivateSubnet1"
     }
    ],
    "VpcId": {
     "Ref": "Vpc8378EB38"
    }
   }
  },
  "VpcPrivateSubnet1RouteTableAssociation70C59FA6": {
   "Type": "AWS::EC2::SubnetRouteTableAssociation",
   "Properties": {
    "RouteTableId": {
     "Ref": "VpcPrivateSubnet1RouteTableB2C5B500"
    },
    "SubnetId": {
     "Ref": "VpcPrivateSubnet1Subnet536B997A"
    }
   }
  },
  "VpcPrivateSubnet1DefaultRouteBE02A9ED": {
   "Type": "AWS::EC2::Route",
   "Properties": {
    "DestinationCidrBlock": "0.0.0.0/0",
    "NatGatewayId": {
     "Ref": "VpcPublicSubnet1NATGateway4D7517AA"
    },
    "RouteTableId": {
     "Ref": "VpcPrivateSubnet1RouteTableB2C5B500"
    }
   }
  },
  "VpcPrivateSubnet2Subnet3788AAA1": {
   "Type": "AWS::EC2::Subnet",
   "Properties": {
    "AvailabilityZone": {
     "Fn::Select": [
      1,
      {
       "Fn::GetAZs": ""
      }
     ]
    },
    "CidrBlock": "10.0.192.0/18",
    "MapPublicIpOnLaunch": false,
    "Tags": [
     {
      "Key": "aws-cdk:subnet-name",
      "Value": "Private"
     },
     {
      "Key": "aws-cdk:subnet-type",
      "Value": "Private"
     },
     {
      "Key": "Name",
      "Value": "VpcDefault/Vpc/PrivateSubnet2"
     }
    ],
    "VpcId": {
     "Ref": "Vpc8378EB38"
    }
   }
  },
  "VpcPrivateSubnet2RouteTableA678073B": {
   "Type": "AWS::EC2::RouteTable",
   "Properties": {
    "Tags": [
     {
      "Key": "Name",
      "Value": "VpcDefault/Vpc/PrivateSubnet2"
     }
    ],
    "VpcId": {
     "Ref": "Vpc8378EB38"
    }
   }
  },
  "VpcPrivateSubnet2RouteTableAssociationA89CAD56": {
   "Type": "AWS::EC2::SubnetRouteTableAssociation",
   "Properties": {
    "RouteTableId": {
     "Ref": "VpcPrivateSubnet2RouteTableA678073B"
    },
    "SubnetId": {
     "Ref": "VpcPrivateSubnet2Subnet3788AAA1"
    }
   }
  },
  "VpcPrivateSubnet2DefaultRoute060D2087": {
   "Type": "AWS::EC2::Route",
   "Properties": {
    "DestinationCidrBlock": "0.0.0.0/0",
    "NatGatewayId": {
     "Ref": "VpcPublicSubnet2NATGateway9182C01D"
    },
    "RouteTableId": {
     "Ref": "VpcPrivateSubnet2RouteTableA678073B"
    }
   }
  },
  "VpcIGWD7BA715C": {
   "Type": "AWS::EC2::InternetGateway",
   "Properties": {
    "Tags": [
     {
      "Key": "Name",
      "Value": "VpcDefault/Vpc"
     }
    ]
   }
  },
  "VpcVPCGWBF912B6E": {
   "Type": "AWS::EC2::VPCGatewayAttachment",
   "Properties": {
    "InternetGatewayId": {
     "Ref": "VpcIGWD7BA715C"
    },
    "VpcId": {
     "Ref": "Vpc8378EB38"
    }
   }
  }
 }
})json";

// The VPC resources of CDK's NewsBlogStack (`{maxAzs: 2}` as NewsBlogVPC).
constexpr const char* kNewsBlogVpcResources = R"json(
{
 "Resources": {
  "NewsBlogVPCC925B703": {
   "Type": "AWS::EC2::VPC",
   "Properties": {
    "CidrBlock": "10.0.0.0/16",
    "EnableDnsHostnames": true,
    "EnableDnsSupport": true,
    "InstanceTenancy": "default",
    "Tags": [
     {
      "Key": "Name",
      "Value": "NewsBlogStack/NewsBlogVPC"
     }
    ]
   }
  },
  "NewsBlogVPCPublicSubnet1Subnet17D32EFA": {
   "Type": "AWS::EC2::Subnet",
   "Properties": {
    "AvailabilityZone": {
     "Fn::Select": [
      0,
      {
       "Fn::GetAZs": ""
      }
     ]
    },
    "CidrBlock": "10.0.0.0/18",
    "MapPublicIpOnLaunch": true,
    "Tags": [
     {
      "Key": "aws-cdk:subnet-name",
      "Value": "Public"
     },
     {
      "Key": "aws-cdk:subnet-type",
      "Value": "Public"
     },
     {
      "Key": "Name",
      "Value": "NewsBlogStack/NewsBlogVPC/PublicSubnet1"
     }
    ],
    "VpcId": {
     "Ref": "NewsBlogVPCC925B703"
    }
   }
  },
  "NewsBlogVPCPublicSubnet1RouteTableDE8259F4": {
   "Type": "AWS::EC2::RouteTable",
   "Properties": {
    "Tags": [
     {
      "Key": "Name",
      "Value": "NewsBlogStack/NewsBlogVPC/PublicSubnet1"
     }
    ],
    "VpcId": {
     "Ref": "NewsBlogVPCC925B703"
    }
   }
  },
  "NewsBlogVPCPublicSubnet1RouteTableAssociation1CEA80E2": {
   "Type": "AWS::EC2::SubnetRouteTableAssociation",
   "Properties": {
    "RouteTableId": {
     "Ref": "NewsBlogVPCPublicSubnet1RouteTableDE8259F4"
    },
    "SubnetId": {
     "Ref": "NewsBlogVPCPublicSubnet1Subnet17D32EFA"
    }
   }
  },
  "NewsBlogVPCPublicSubnet1DefaultRouteDFBB2315": {
   "Type": "AWS::EC2::Route",
   "Properties": {
    "DestinationCidrBlock": "0.0.0.0/0",
    "GatewayId": {
     "Ref": "NewsBlogVPCIGW3E6E8EA1"
    },
    "RouteTableId": {
     "Ref": "NewsBlogVPCPublicSubnet1RouteTableDE8259F4"
    }
   },
   "DependsOn": [
    "NewsBlogVPCVPCGWE10138BA"
   ]
  },
  "NewsBlogVPCPublicSubnet1EIPEAB0AD94": {
   "Type": "AWS::EC2::EIP",
   "Properties": {
    "Domain": "vpc",
    "Tags": [
     {
      "Key": "Name",
      "Value": "NewsBlogStack/NewsBlogVPC/PublicSubnet1"
     }
    ]
   }
  },
  "NewsBlogVPCPublicSubnet1NATGateway8B3D0826": {
   "Type": "AWS::EC2::NatGateway",
   "Properties": {
    "AllocationId": {
     "Fn::GetAtt": [
      "NewsBlogVPCPublicSubnet1EIPEAB0AD94",
      "AllocationId"
     ]
    },
    "SubnetId": {
     "Ref": "NewsBlogVPCPublicSubnet1Subnet17D32EFA"
    },
    "Tags": [
     {
      "Key": "Name",
      "Value": "NewsBlogStack/NewsBlogVPC/PublicSubnet1"
     }
    ]
   },
   "DependsOn": [
    "NewsBlogVPCPublicSubnet1DefaultRouteDFBB2315",
    "NewsBlogVPCPublicSubnet1RouteTableAssociation1CEA80E2"
   ]
  },
  "NewsBlogVPCPublicSubnet2SubnetCE744D0B": {
   "Type": "AWS::EC2::Subnet",
   "Properties": {
    "AvailabilityZone": {
     "Fn::Select": [
      1,
      {
       "Fn::GetAZs": ""
      }
     ]
    },
    "CidrBlock": "10.0.64.0/18",
    "MapPublicIpOnLaunch": true,
    "Tags": [
     {
      "Key": "aws-cdk:subnet-name",
      "Value": "Public"
     },
     {
      "Key": "aws-cdk:subnet-type",
      "Value": "Public"
     },
     {
      "Key": "Name",
      "Value": "NewsBlogStack/NewsBlogVPC/PublicSubnet2"
     }
    ],
    "VpcId": {
     "Ref": "NewsBlogVPCC925B703"
    }
   }
  },
  "NewsBlogVPCPublicSubnet2RouteTable11F7562C": {
   "Type": "AWS::EC2::RouteTable",
   "Properties": {
    "Tags": [
     {
      "Key": "Name",
      "Value": "NewsBlogStack/NewsBlogVPC/PublicSubnet2"
     }
    ],
    "VpcId": {
     "Ref": "NewsBlogVPCC925B703"
    }
   }
  },
  "NewsBlogVPCPublicSubnet2RouteTableAssociation058C90A0": {
   "Type": "AWS::EC2::SubnetRouteTableAssociation",
   "Properties": {
    "RouteTableId": {
     "Ref": "NewsBlogVPCPublicSubnet2RouteTable11F7562C"
    },
    "SubnetId": {
     "Ref": "NewsBlogVPCPublicSubnet2SubnetCE744D0B"
    }
   }
  },
  "NewsBlogVPCPublicSubnet2DefaultRouteE5ACA013": {
   "Type": "AWS::EC2::Route",
   "Properties": {
    "DestinationCidrBlock": "0.0.0.0/0",
    "GatewayId": {
     "Ref": "NewsBlogVPCIGW3E6E8EA1"
    },
    "RouteTableId": {
     "Ref": "NewsBlogVPCPublicSubnet2RouteTable11F7562C"
    }
   },
   "DependsOn": [
    "NewsBlogVPCVPCGWE10138BA"
   ]
  },
  "NewsBlogVPCPublicSubnet2EIPA3C2514E": {
   "Type": "AWS::EC2::EIP",
   "Properties": {
    "Domain": "vpc",
    "Tags": [
     {
      "Key": "Name",
      "Value": "NewsBlogStack/NewsBlogVPC/PublicSubnet2"
     }
    ]
   }
  },
  "NewsBlogVPCPublicSubnet2NATGatewayD1AB17E4": {
   "Type": "AWS::EC2::NatGateway",
   "Properties": {
    "AllocationId": {
     "Fn::GetAtt": [
      "NewsBlogVPCPublicSubnet2EIPA3C2514E",
      "AllocationId"
     ]
    },
    "SubnetId": {
     "Ref": "NewsBlogVPCPublicSubnet2SubnetCE744D0B"
    },
    "Tags": [
     {
      "Key": "Name",
      "Value": "NewsBlogStack/NewsBlogVPC/PublicSubnet2"
     }
    ]
   },
   "DependsOn": [
    "NewsBlogVPCPublicSubnet2DefaultRouteE5ACA013",
    "NewsBlogVPCPublicSubnet2RouteTableAssociation058C90A0"
   ]
  },
  "NewsBlogVPCPrivateSubnet1SubnetDDAE3CBA": {
   "Type": "AWS::EC2::Subnet",
   "Properties": {
    "AvailabilityZone": {
     "Fn::Select": [
      0,
      {
       "Fn::GetAZs": ""
      }
     ]
    },
    "CidrBlock": "10.0.128.0/18",
    "MapPublicIpOnLaunch": false,
    "Tags": [
     {
      "Key": "aws-cdk:subnet-name",
      "Value": "Private"
     },
     {
      "Key": "aws-cdk:subnet-type",
      "Value": "Private"
     },
     {
      "Key": "Name",
      "Value": "NewsBlogStack/NewsBlogVPC/PrivateSubnet1"
     }
    ],
    "VpcId": {
     "Ref": "NewsBlogVPCC925B703"
    }
   }
  },
  "NewsBlogVPCPrivateSubnet1RouteTable57BAED2A": {
   "Type": "AWS::EC2::RouteTable",
   "Properties": {
    "Tags": [
     {
      "Key": "Name",
      "Value": "NewsBlogStack/NewsBlogVPC/PrivateSubnet1"
     }
    ],
    "VpcId": {
     "Ref": "NewsBlogVPCC925B703"
    }
   }
  },
  "NewsBlogVPCPrivateSubnet1RouteTableAssociationFA0EB211": {
   "Type": "AWS::EC2::SubnetRouteTableAssociation",
   "Properties": {
    "RouteTableId": {
     "Ref": "NewsBlogVPCPrivateSubnet1RouteTable57BAED2A"
    },
    "SubnetId": {
     "Ref": "NewsBlogVPCPrivateSubnet1SubnetDDAE3CBA"
    }
   }
  },
  "NewsBlogVPCPrivateSubnet1DefaultRoute76D65C68": {
   "Type": "AWS::EC2::Route",
   "Properties": {
    "DestinationCidrBlock": "0.0.0.0/0",
    "NatGatewayId": {
     "Ref": "NewsBlogVPCPublicSubnet1NATGateway8B3D0826"
    },
    "RouteTableId": {
     "Ref": "NewsBlogVPCPrivateSubnet1RouteTable57BAED2A"
    }
   }
  },
  "NewsBlogVPCPrivateSubnet2Subnet7F803AED": {
   "Type": "AWS::EC2::Subnet",
   "Properties": {
    "AvailabilityZone": {
     "Fn::Select": [
      1,
      {
       "Fn::GetAZs": ""
      }
     ]
    },
    "CidrBlock": "10.0.192.0/18",
    "MapPublicIpOnLaunch": false,
    "Tags": [
     {
      "Key": "aws-cdk:subnet-name",
      "Value": "Private"
     },
     {
      "Key": "aws-cdk:subnet-type",
      "Value": "Private"
     },
     {
      "Key": "Name",
      "Value": "NewsBlogStack/NewsBlogVPC/PrivateSubnet2"
     }
    ],
    "VpcId": {
     "Ref": "NewsBlogVPCC925B703"
    }
   }
  },
  "NewsBlogVPCPrivateSubnet2RouteTable0FA442F5": {
   "Type": "AWS::EC2::RouteTable",
   "Properties": {
    "Tags": [
     {
      "Key": "Name",
      "Value": "NewsBlogStack/NewsBlogVPC/PrivateSubnet2"
     }
    ],
    "VpcId": {
     "Ref": "NewsBlogVPCC925B703"
    }
   }
  },
  "NewsBlogVPCPrivateSubnet2RouteTableAssociation5F3EB99E": {
   "Type": "AWS::EC2::SubnetRouteTableAssociation",
   "Properties": {
    "RouteTableId": {
     "Ref": "NewsBlogVPCPrivateSubnet2RouteTable0FA442F5"
    },
    "SubnetId": {
     "Ref": "NewsBlogVPCPrivateSubnet2Subnet7F803AED"
    }
   }
  },
  "NewsBlogVPCPrivateSubnet2DefaultRoute22F2F7D1": {
   "Type": "AWS::EC2::Route",
   "Properties": {
    "DestinationCidrBlock": "0.0.0.0/0",
    "NatGatewayId": {
     "Ref": "NewsBlogVPCPublicSubnet2NATGatewayD1AB17E4"
    },
    "RouteTableId": {
     "Ref": "NewsBlogVPCPrivateSubnet2RouteTable0FA442F5"
    }
   }
  },
  "NewsBlogVPCIGW3E6E8EA1": {
   "Type": "AWS::EC2::InternetGateway",
   "Properties": {
    "Tags": [
     {
      "Key": "Name",
      "Value": "NewsBlogStack/NewsBlogVPC"
     }
    ]
   }
  },
  "NewsBlogVPCVPCGWE10138BA": {
   "Type": "AWS::EC2::VPCGatewayAttachment",
   "Properties": {
    "InternetGatewayId": {
     "Ref": "NewsBlogVPCIGW3E6E8EA1"
    },
    "VpcId": {
     "Ref": "NewsBlogVPCC925B703"
    }
   }
  }
 }
})json";

cdk::Value resources_of(const char* json) { return Template::from_string(json).to_value().as_map()[0].second; }

}  // namespace

TEST_CASE("Vpc: the default VPC is the one CDK writes") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("VpcDefault");
  stack.add<Vpc>("Vpc");
  auto t = Template::from_stack(stack);
  t.template_matches(Match::object_like({{"Resources", Match::exact(resources_of(kVpcDefaultResources))}}));
  t.resource_count_is("AWS::EC2::Subnet", 4);
  t.resource_count_is("AWS::EC2::NatGateway", 2);

  // The comparison is strict: one different value fails it.
  cdk::App other_app;
  auto& other = other_app.add<cdk::Stack>("VpcDefault");
  other.add<Vpc>("Vpc", {.ip_addresses = IpAddresses::cidr("10.1.0.0/16")});
  CHECK_THROWS_AS(Template::from_stack(other).template_matches(
                      Match::object_like({{"Resources", Match::exact(resources_of(kVpcDefaultResources))}})),
                  cdk::assertions::AssertionError);
}

TEST_CASE("Vpc: newsblog's VPC (max_azs 2) is the one CDK writes") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("NewsBlogStack");
  stack.add<Vpc>("NewsBlogVPC", {.max_azs = 2});
  auto t = Template::from_stack(stack);
  t.template_matches(Match::object_like({{"Resources", Match::exact(resources_of(kNewsBlogVpcResources))}}));
}

TEST_CASE("Vpc: defaults, attributes and getters") {
  cdk::App app;
  auto& stack = test_stack(app);
  auto& vpc = stack.add<Vpc>("TheVPC");
  // CDK: {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":ec2:us-east-1:123456789012:vpc/", {"Ref": "TheVPC92636AB0"}]]}
  stack.add<cdk::CfnOutput>("Arn", {.value = vpc.vpc_arn()});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::EC2::VPC", {{"CidrBlock", "10.0.0.0/16"},
                                              {"EnableDnsHostnames", true},
                                              {"EnableDnsSupport", true},
                                              {"InstanceTenancy", "default"},
                                              {"Tags", Match::exact(cdk::List{cdk::Map{{"Key", "Name"}, {"Value", "TestStack/TheVPC"}}})}});
  t.has_resource_properties("AWS::EC2::InternetGateway", {{"Tags", name_tag("TestStack/TheVPC")}});
  CHECK(vpc.cfn_vpc().logical_id() == "TheVPC92636AB0");
  t.has_output(
      "Arn", {{"Value", cdk::Map{{"Fn::Join", cdk::List{"", cdk::List{"arn:", cdk::Map{{"Ref", "AWS::Partition"}},
                                                                     ":ec2:us-east-1:123456789012:vpc/", ref("TheVPC92636AB0")}}}}}});
  CHECK(vpc.vpc_id() == vpc.cfn_vpc().ref());
  auto* igw = dynamic_cast<cdk::CfnResource*>(vpc.try_find_child("IGW"));
  REQUIRE(igw != nullptr);
  CHECK(igw->logical_id() == "TheVPCIGWFA25CC08");
  CHECK(vpc.internet_gateway_id() == igw->ref());
  CHECK(vpc.dns_hostnames_enabled());
  CHECK(vpc.dns_support_enabled());
  // max_azs defaults to 3: the region's three (dummy) AZs, six /19 subnets, a NAT gateway each.
  CHECK(vpc.availability_zones().size() == 3);
  CHECK(vpc.public_subnets().size() == 3);
  CHECK(vpc.private_subnets().size() == 3);
  CHECK(vpc.isolated_subnets().empty());
  t.resource_count_is("AWS::EC2::Subnet", 6);
  t.resource_count_is("AWS::EC2::Route", 6);
  t.resource_count_is("AWS::EC2::NatGateway", 3);
  for (int i = 0; i < 6; ++i) {
    t.has_resource_properties("AWS::EC2::Subnet", {{"CidrBlock", "10.0." + std::to_string(i * 32) + ".0/19"}});
  }
}

TEST_CASE("Vpc: every property set") {
  cdk::App app;
  auto& stack = test_stack(app);
  auto& vpc = stack.add<Vpc>("TheVPC", {.ip_addresses = IpAddresses::cidr("192.168.0.0/16"),
                                        .enable_dns_hostnames = false,
                                        .enable_dns_support = false,
                                        .default_instance_tenancy = DefaultInstanceTenancy::Dedicated,
                                        .vpc_name = "CustomVPCName"});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::EC2::VPC", {{"CidrBlock", "192.168.0.0/16"},
                                              {"EnableDnsHostnames", false},
                                              {"EnableDnsSupport", false},
                                              {"InstanceTenancy", "dedicated"},
                                              {"Tags", name_tag("CustomVPCName")}});
  // The Name of the VPC goes to the internet gateway too; subnets keep their paths.
  t.has_resource_properties("AWS::EC2::InternetGateway", {{"Tags", name_tag("CustomVPCName")}});
  t.has_resource_properties("AWS::EC2::Subnet", {{"Tags", name_tag("TestStack/TheVPC/PublicSubnet1")}});
  CHECK_FALSE(vpc.dns_hostnames_enabled());
  CHECK_FALSE(vpc.dns_support_enabled());
}

TEST_CASE("Vpc: DNS getters follow the properties") {
  for (auto [support, hostnames] : {std::pair{false, false}, std::pair{true, false}, std::pair{true, true}}) {
    cdk::App app;
    auto& stack = test_stack(app);
    auto& vpc = stack.add<Vpc>("TheVPC", {.enable_dns_hostnames = hostnames, .enable_dns_support = support});
    Template::from_stack(stack).has_resource_properties(
        "AWS::EC2::VPC", {{"EnableDnsHostnames", hostnames}, {"EnableDnsSupport", support}});
    CHECK(vpc.dns_support_enabled() == support);
    CHECK(vpc.dns_hostnames_enabled() == hostnames);
  }
}
