// Synthesizes a one-resource stack and checks that its template was written.
#include <cdk/cdk.hpp>
#include <cdk/sns/cfn_topic.hpp>  // a generated typed class

#include <filesystem>
#include <iostream>

int main(int argc, char** argv) {
  cdk::App app{argc, argv};
  auto& stack = app.add<cdk::Stack>("ConsumerStack", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  auto& topic = stack.add<cdk::sns::CfnTopic>("Topic", {.display_name = "consumer"});
  stack.add<cdk::CfnOutput>("TopicArn", {.value = topic.ref()});
  if (const int status = app.synth_main(); status != 0) return status;

  const auto written = std::filesystem::path{app.outdir()} / "ConsumerStack.template.json";
  if (!std::filesystem::exists(written)) {
    std::cerr << "consumer: " << written << " was not written\n";
    return 1;
  }
  std::cout << "consumer: wrote " << written.string() << "\n";
  return 0;
}
