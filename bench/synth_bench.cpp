// Synth benchmark: wall time of construction and of synth, and peak memory, for
// generated apps of several sizes and for the sample programs.
//
//   cdkpp_synth_bench [--sizes 1000,5000,10000,50000] [--repeat N] [--sample PATH]...
//
// Every measurement runs in a child process so that its peak RSS (ru_maxrss from
// wait4) belongs to that size alone. Each case runs --repeat times; the table shows the
// median. This prints numbers only: it never passes or fails on timing.
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

// Child mode: build and synth one generated app, print "construct_ms synth_ms" to the
// pipe the parent gave. Exits without tearing the tree down: teardown is not synth.
int run_child(std::size_t resources, const std::string& outdir, int result_fd) {
  auto start = Clock::now();
  cdk::App app{cdk::AppProps{.outdir = outdir}};
  bench::build_generated_app(app, resources);
  const double construct_ms = ms_since(start);
  start = Clock::now();
  try {
    app.synth();
  } catch (const cdk::SynthError& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  const double synth_ms = ms_since(start);
  const std::string line = std::to_string(construct_ms) + " " + std::to_string(synth_ms) + "\n";
  if (write(result_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) return 1;
  std::fflush(nullptr);
  _exit(0);
}

struct Measurement {
  bool ok = false;
  double construct_ms = -1;  // -1: not known (sample programs)
  double synth_ms = -1;
  double process_ms = 0;
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
    m.ok = m.ok && static_cast<bool>(in >> m.construct_ms >> m.synth_ms);
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

void print_row(const std::string& name, const std::string& stacks, const std::string& resources, const Measurement& m) {
  if (!m.ok) {
    std::printf("| %-34s | %6s | %9s | failed (see stderr) |\n", name.c_str(), stacks.c_str(), resources.c_str());
    return;
  }
  std::printf("| %-34s | %6s | %9s | %12s | %8s | %10s | %8s | %9s |\n", name.c_str(), stacks.c_str(), resources.c_str(),
              fixed(m.construct_ms, 1).c_str(), fixed(m.synth_ms, 1).c_str(), fixed(m.process_ms, 1).c_str(),
              fixed(static_cast<double>(m.peak_rss_kib) / 1024.0, 1).c_str(),
              fixed(static_cast<double>(m.output_bytes) / (1024.0 * 1024.0), 2).c_str());
}

std::vector<std::size_t> parse_sizes(const std::string& text) {
  std::vector<std::size_t> sizes;
  std::istringstream in{text};
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) sizes.push_back(std::stoul(item));
  return sizes;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes{1000, 5000, 10000, 50000};
  std::vector<std::string> samples;
  int repeat = 5;
  std::size_t child_resources = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--sizes" && has_value) {
      sizes = parse_sizes(argv[++i]);
    } else if (arg == "--repeat" && has_value) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--sample" && has_value) {
      samples.emplace_back(argv[++i]);
    } else if (arg == "--child" && has_value) {
      child_resources = std::stoul(argv[++i]);
    } else {
      std::cerr << "usage: " << argv[0] << " [--sizes N,N,...] [--repeat N] [--sample PATH]...\n";
      return 2;
    }
  }
  if (child_resources > 0) {
    const char* fd = std::getenv("CDKPP_BENCH_RESULT_FD");
    const char* outdir = std::getenv("CDK_OUTDIR");
    if (!fd || !outdir) return 2;
    return run_child(child_resources, outdir, std::atoi(fd));
  }

  const fs::path self = fs::read_symlink("/proc/self/exe");
  const fs::path work = fs::temp_directory_path() / ("cdkpp-bench-" + std::to_string(getpid()));
  fs::create_directories(work);

  std::printf("median of %d runs; each run is a fresh process; peak RSS is that process's ru_maxrss\n\n", repeat);
  std::printf("| %-34s | %6s | %9s | %12s | %8s | %10s | %8s | %9s |\n", "app", "stacks", "resources", "construct ms",
              "synth ms", "process ms", "peak MiB", "out MiB");
  std::printf("|%s|%s|%s|%s|%s|%s|%s|%s|\n", std::string(36, '-').c_str(), std::string(8, '-').c_str(),
              std::string(11, '-').c_str(), std::string(14, '-').c_str(), std::string(10, '-').c_str(),
              std::string(12, '-').c_str(), std::string(10, '-').c_str(), std::string(11, '-').c_str());
  std::fflush(stdout);

  int failures = 0;
  int run_index = 0;
  for (std::size_t resources : sizes) {
    std::vector<Measurement> runs;
    for (int r = 0; r < repeat; ++r) {
      const fs::path outdir = work / ("out" + std::to_string(run_index++));
      runs.push_back(run_measured({self.string(), "--child", std::to_string(resources)}, outdir, true));
      fs::remove_all(outdir);
    }
    const Measurement m = median(runs);
    failures += m.ok ? 0 : 1;
    const std::size_t stacks = (resources + bench::kResourcesPerStack - 1) / bench::kResourcesPerStack;
    print_row("generated", std::to_string(stacks), std::to_string(resources), m);
    std::fflush(stdout);
  }
  for (const auto& sample : samples) {
    std::vector<Measurement> runs;
    for (int r = 0; r < repeat; ++r) {
      const fs::path outdir = work / ("out" + std::to_string(run_index++));
      runs.push_back(run_measured({sample}, outdir, false));
      fs::remove_all(outdir);
    }
    const Measurement m = median(runs);
    failures += m.ok ? 0 : 1;
    print_row(fs::path(sample).filename().string() + " (whole run)", "-", "-", m);
    std::fflush(stdout);
  }
  fs::remove_all(work);
  return failures == 0 ? 0 : 1;
}
