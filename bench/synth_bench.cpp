// Synth benchmark: wall time of construction and of synth, and peak memory, for
// generated apps of several sizes, for copies of a VPC + auto scaling group stack, and
// for the sample programs.
//
//   cdkpp_synth_bench [--sizes 1000,5000,10000,50000] [--fleet 50] [--repeat N]
//                     [--sample PATH]... [--tsv]
//
// Every measurement runs in a child process so that its peak RSS (ru_maxrss from
// wait4) belongs to that case alone. Each case runs --repeat times; the table shows the
// median. --fleet 0 leaves the fleet out. --tsv prints tab-separated rows for scripts
// (bench/compare.py) instead of the markdown table. This prints numbers only: it never
// passes or fails on timing.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <cdk/cdk.hpp>

#include "generated_app.hpp"
#include "vpc_asg_fleet.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::uintmax_t directory_bytes(const fs::path& dir) {
  std::uintmax_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) total += entry.file_size();
  return total;
}

// Child mode: build and synth one app ("generated" with `count` resources, or "fleet"
// of `count` stacks), print "construct_ms synth_ms stacks resources" to the pipe the
// parent gave. Exits without tearing the tree down: teardown is not synth.
int run_child(const std::string& kind, std::size_t count, const std::string& outdir, int result_fd) {
  auto start = Clock::now();
  cdk::App app{cdk::AppProps{.outdir = outdir}};
  if (kind == "fleet")
    bench::build_vpc_asg_fleet(app, count);
  else if (kind == "generated")
    bench::build_generated_app(app, count);
  else
    return 2;
  const double construct_ms = ms_since(start);
  start = Clock::now();
  try {
    app.synth();
  } catch (const cdk::SynthError& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  const double synth_ms = ms_since(start);
  std::size_t stacks = 0, resources = 0;
  for (cdk::Construct* node : app.find_all()) {
    stacks += dynamic_cast<cdk::Stack*>(node) ? 1 : 0;
    resources += dynamic_cast<cdk::CfnResource*>(node) ? 1 : 0;
  }
  const std::string line = std::to_string(construct_ms) + " " + std::to_string(synth_ms) + " " +
                           std::to_string(stacks) + " " + std::to_string(resources) + "\n";
  if (write(result_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) return 1;
  std::fflush(nullptr);
  _exit(0);
}

struct Measurement {
  bool ok = false;
  double construct_ms = -1;  // -1: not known (sample programs)
  double synth_ms = -1;
  double process_ms = 0;
  std::size_t stacks = 0;  // 0: not known (sample programs)
  std::size_t resources = 0;
  long peak_rss_kib = 0;
  std::uintmax_t output_bytes = 0;
};

// Runs argv in a child with CDK_OUTDIR=outdir and measures it from outside.
Measurement run_measured(const std::vector<std::string>& argv, const fs::path& outdir, bool expect_result) {
  Measurement m;
  int fds[2];
  if (pipe(fds) != 0) return m;
  const auto start = Clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    setenv("CDK_OUTDIR", outdir.c_str(), 1);
    setenv("CDKPP_BENCH_RESULT_FD", std::to_string(fds[1]).c_str(), 1);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    // The samples print their own output; keep the table readable.
    if (!expect_result) std::freopen("/dev/null", "w", stdout);
    execv(args[0], args.data());
    std::perror("execv");
    _exit(127);
  }
  close(fds[1]);
  std::string result;
  char buffer[256];
  for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;) result.append(buffer, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid) return m;
  m.process_ms = ms_since(start);
  m.peak_rss_kib = usage.ru_maxrss;  // KiB on Linux
  m.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (expect_result) {
    std::istringstream in{result};
    m.ok = m.ok && static_cast<bool>(in >> m.construct_ms >> m.synth_ms >> m.stacks >> m.resources);
  }
  if (m.ok && fs::exists(outdir)) m.output_bytes = directory_bytes(outdir);
  return m;
}

Measurement median(std::vector<Measurement> runs) {
  auto by = [&](auto field) {
    std::vector<double> values;
    for (const auto& r : runs) values.push_back(static_cast<double>(r.*field));
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
  };
  Measurement m = runs.front();
  for (const auto& r : runs) m.ok = m.ok && r.ok;
  if (!m.ok) return m;
  m.construct_ms = by(&Measurement::construct_ms);
  m.synth_ms = by(&Measurement::synth_ms);
  m.process_ms = by(&Measurement::process_ms);
  m.peak_rss_kib = static_cast<long>(by(&Measurement::peak_rss_kib));
  return m;
}

std::string fixed(double value, int decimals) {
  if (value < 0) return "-";
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

std::string count(std::size_t value) { return value == 0 ? "-" : std::to_string(value); }

// One row of the markdown table, or of tab-separated values (same columns, "-" for
// unknown, "failed" when a run failed).
void print_row(const std::string& name, const Measurement& m, bool tsv) {
  const std::string columns[] = {
      name,
      count(m.stacks),
      count(m.resources),
      m.ok ? fixed(m.construct_ms, 1) : "failed",
      m.ok ? fixed(m.synth_ms, 1) : "failed",
      m.ok ? fixed(m.process_ms, 1) : "failed",
      m.ok ? fixed(static_cast<double>(m.peak_rss_kib) / 1024.0, 1) : "failed",
      m.ok ? fixed(static_cast<double>(m.output_bytes) / (1024.0 * 1024.0), 2) : "failed",
  };
  if (tsv) {
    for (std::size_t i = 0; i < std::size(columns); ++i) std::printf(i == 0 ? "%s" : "\t%s", columns[i].c_str());
    std::printf("\n");
  } else {
    std::printf("| %-34s | %6s | %9s | %12s | %8s | %10s | %8s | %9s |\n", columns[0].c_str(), columns[1].c_str(),
                columns[2].c_str(), columns[3].c_str(), columns[4].c_str(), columns[5].c_str(), columns[6].c_str(),
                columns[7].c_str());
  }
  std::fflush(stdout);
}

std::vector<std::size_t> parse_sizes(const std::string& text) {
  std::vector<std::size_t> sizes;
  std::istringstream in{text};
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) sizes.push_back(std::stoul(item));
  return sizes;
}

// One row of the table: a command run in a child process --repeat times.
struct Case {
  std::string name;
  std::vector<std::string> argv;
  bool reports_times;  // our own --child, which reports construct and synth times
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes{1000, 5000, 10000, 50000};
  std::size_t fleet_copies = 50;
  std::vector<std::string> samples;
  int repeat = 5;
  bool tsv = false;
  std::string child_kind;
  std::size_t child_count = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--sizes" && has_value) {
      sizes = parse_sizes(argv[++i]);
    } else if (arg == "--fleet" && has_value) {
      fleet_copies = std::stoul(argv[++i]);
    } else if (arg == "--repeat" && has_value) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--sample" && has_value) {
      samples.emplace_back(argv[++i]);
    } else if (arg == "--tsv") {
      tsv = true;
    } else if (arg == "--child" && i + 2 < argc) {
      child_kind = argv[++i];
      child_count = std::stoul(argv[++i]);
    } else {
      std::cerr << "usage: " << argv[0]
                << " [--sizes N,N,...] [--fleet COPIES] [--repeat N] [--sample PATH]... [--tsv]\n";
      return 2;
    }
  }
  if (!child_kind.empty()) {
    const char* fd = std::getenv("CDKPP_BENCH_RESULT_FD");
    const char* outdir = std::getenv("CDK_OUTDIR");
    if (!fd || !outdir) return 2;
    return run_child(child_kind, child_count, outdir, std::atoi(fd));
  }

  const std::string self = fs::read_symlink("/proc/self/exe").string();
  std::vector<Case> cases;
  for (std::size_t resources : sizes)
    cases.push_back({"generated", {self, "--child", "generated", std::to_string(resources)}, true});
  if (fleet_copies > 0)
    cases.push_back({"vpc_asg_fleet", {self, "--child", "fleet", std::to_string(fleet_copies)}, true});
  for (const auto& sample : samples)
    cases.push_back({fs::path(sample).filename().string() + " (whole run)", {sample}, false});

  const fs::path work = fs::temp_directory_path() / ("cdkpp-bench-" + std::to_string(getpid()));
  fs::create_directories(work);
  if (!tsv) {
    std::printf("median of %d runs; each run is a fresh process; peak RSS is that process's ru_maxrss\n\n", repeat);
    std::printf("| %-34s | %6s | %9s | %12s | %8s | %10s | %8s | %9s |\n", "app", "stacks", "resources",
                "construct ms", "synth ms", "process ms", "peak MiB", "out MiB");
    std::printf("|%s|%s|%s|%s|%s|%s|%s|%s|\n", std::string(36, '-').c_str(), std::string(8, '-').c_str(),
                std::string(11, '-').c_str(), std::string(14, '-').c_str(), std::string(10, '-').c_str(),
                std::string(12, '-').c_str(), std::string(10, '-').c_str(), std::string(11, '-').c_str());
    std::fflush(stdout);
  }

  int failures = 0;
  int run_index = 0;
  for (const Case& c : cases) {
    std::vector<Measurement> runs;
    for (int r = 0; r < repeat; ++r) {
      const fs::path outdir = work / ("out" + std::to_string(run_index++));
      runs.push_back(run_measured(c.argv, outdir, c.reports_times));
      fs::remove_all(outdir);
    }
    const Measurement m = median(runs);
    failures += m.ok ? 0 : 1;
    print_row(c.name, m, tsv);
  }
  fs::remove_all(work);
  return failures == 0 ? 0 : 1;
}
