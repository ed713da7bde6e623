// UI benchmarks on the real window (offscreen platform):
//   heartbeat STUDY  - runs the study from the window; a 10 ms timer on the UI thread records the
//                      gaps between its ticks for the whole run (target: max < 50 ms).
//   chart            - one CurveChart refresh (decimate + replace + repaint) with 50 trials x
//                      2,000 points each (target: < 30 ms).
//   big-study [N]    - a generated study of N (10,000) finished trials, opened in the window from
//                      its SQLite file, beside the same of N/10 trials in the same run: time to a
//                      shown, filled window (target < 2 s), sort and filter of the trial table
//                      (< 100 ms), one redraw of the curves and of the parallel coordinates
//                      (< 50 ms), one importance computation (< 1 s), and the window's memory.
//   write-big-study FILE N - only writes such a study (to open it in the window or the CLI).
// Prints one JSON line.
#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <vector>

#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>

#include <fstream>
#include <sstream>

#include "big_study.h"
#include "ui/bridge/study_controller.h"
#include "ui/charts/curve_chart.h"
#include "ui/charts/parallel_coordinates.h"
#include "ui/main_window.h"
#include "ui/panels/results_panel.h"
#include "ui/panels/trial_table_model.h"

namespace {

int heartbeat(const QString& study) {
  tunebench::ui::MainWindow window(QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets"));
  window.resize(1200, 780);
  window.show();
  if (!window.openStudy(study)) {
    std::cerr << window.controller()->lastError().toStdString() << "\n";
    return 2;
  }
  std::vector<double> gaps;
  QElapsedTimer clock;
  QTimer beat;
  beat.setInterval(10);
  QObject::connect(&beat, &QTimer::timeout, [&] {
    gaps.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
    clock.restart();
  });
  QObject::connect(window.controller(), &tunebench::ui::StudyController::runFinished, qApp,
                   &QApplication::quit);
  QTimer::singleShot(0, [&] {
    clock.start();
    beat.start();
    window.controller()->run();
  });
  QApplication::exec();
  std::sort(gaps.begin(), gaps.end());
  const double max = gaps.empty() ? 0.0 : gaps.back();
  const double p99 = gaps.empty() ? 0.0 : gaps[static_cast<std::size_t>(0.99 * (gaps.size() - 1))];
  std::cout << "{\"benchmark\": \"ui_heartbeat\", \"ticks\": " << gaps.size()
            << ", \"max_gap_ms\": " << max << ", \"p99_gap_ms\": " << p99
            << ", \"target_max_ms\": 50}" << std::endl;
  return max < 50.0 ? 0 : 1;
}

int chartRefresh() {
  tunebench::ui::TrialBook book;
  tunebench::ui::CurveChart chart(book);
  chart.resize(1200, 500);
  chart.show();
  for (int trial = 0; trial < 50; ++trial) {
    tunebench::ui::TrialRow row;
    row.trial_id = trial;
    row.configuration = QStringLiteral("configuration %1").arg(trial % 6);
    chart.addTrial(row);
    QVector<tunebench::ui::LossPoint> points;
    for (int i = 0; i < 2000; ++i) {
      points.append({i * 10.0, i / 200.0, i * 0.01,
                     2.3 * std::exp(-i / 400.0) + 0.01 * (i % 7) + trial * 0.001});
    }
    book.addLosses(trial, points);
    chart.lossesAdded(trial);
  }
  QElapsedTimer timer;
  timer.start();
  chart.refresh();
  chart.viewport()->repaint();
  const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
  std::cout
      << "{\"benchmark\": \"chart_refresh\", \"trials\": 50, \"points_per_trial\": 2000, \"ms\": "
      << ms << ", \"target_ms\": 30}" << std::endl;
  return ms < 30.0 ? 0 : 1;
}

double msSince(const QElapsedTimer& timer) {
  return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// The process's resident memory (VmRSS), in MiB.
double residentMib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0.0;
}

struct BigStudyFigures {
  std::int64_t trials = 0;
  double window_ms = 0, sort_ms = 0, filter_ms = 0, curves_ms = 0, parallel_ms = 0,
         importance_ms = 0, memory_mib = 0;
};

// Opens the study file in a new window and times what a person waits for.
BigStudyFigures measureBigStudy(const QString& path, std::int64_t trials) {
  BigStudyFigures figures;
  figures.trials = trials;
  const double memory_before = residentMib();
  QElapsedTimer timer;
  timer.start();
  tunebench::ui::MainWindow window(QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets"));
  window.resize(1200, 780);
  window.show();
  window.openResults(path);
  // Shown and filled: every trial in the table and its view painted once.
  while (window.trials()->rowCount() < trials) {
    QApplication::processEvents(QEventLoop::AllEvents, 5);
    if (!window.controller()->lastError().isEmpty() || timer.elapsed() > 600000) {
      std::cerr << "the study did not open: " << window.controller()->lastError().toStdString()
                << " (" << window.trials()->rowCount() << " rows)\n";
      std::exit(2);
    }
  }
  QApplication::processEvents();
  window.repaint();
  figures.window_ms = msSince(timer);
  figures.memory_mib = residentMib() - memory_before;

  QTableView* table = window.results()->trialView();
  timer.restart();
  table->sortByColumn(tunebench::ui::TrialTableModel::kValLoss, Qt::AscendingOrder);
  table->viewport()->repaint();
  figures.sort_ms = msSince(timer);
  auto* filter = window.results()->findChild<QLineEdit*>(QStringLiteral("filterText"));
  timer.restart();
  filter->setText(QStringLiteral("Adam"));
  table->viewport()->repaint();
  figures.filter_ms = msSince(timer);
  filter->clear();

  timer.restart();
  window.chart()->refresh();
  window.chart()->viewport()->repaint();
  figures.curves_ms = msSince(timer);
  tunebench::ui::ParallelCoordinates* parallel = window.parallelCoordinates();
  parallel->resize(900, 420);
  timer.restart();
  parallel->grab();  // paints every line
  figures.parallel_ms = msSince(timer);

  timer.restart();
  const auto importance = window.controller()->importanceNow();
  figures.importance_ms = msSince(timer);
  if (importance.parameters.isEmpty()) std::cerr << "no importance computed\n";
  return figures;
}

int bigStudy(std::int64_t trials) {
  QTemporaryDir folder;
  const QString big = folder.filePath(QStringLiteral("big.db"));
  const QString reference = folder.filePath(QStringLiteral("reference.db"));
  QElapsedTimer timer;
  timer.start();
  tunebench::bench::writeBigStudy(big.toStdString(), trials);
  const double generate_ms = msSince(timer);
  tunebench::bench::writeBigStudy(reference.toStdString(), trials / 10);
  const BigStudyFigures r = measureBigStudy(reference, trials / 10);
  const BigStudyFigures b = measureBigStudy(big, trials);
  auto pair = [](const char* name, double big_value, double reference_value, double target) {
    std::ostringstream out;
    out << "\"" << name << "\": " << big_value << ", \"" << name
        << "_reference\": " << reference_value << ", \"" << name
        << "_ratio\": " << (reference_value > 0 ? big_value / reference_value : 0.0);
    if (target > 0) out << ", \"" << name << "_target\": " << target;
    return out.str();
  };
  std::cout << "{\"benchmark\": \"big_study\", \"trials\": " << b.trials
            << ", \"reference_trials\": " << r.trials << ", \"generate_ms\": " << generate_ms
            << ", " << pair("window_ms", b.window_ms, r.window_ms, 2000) << ", "
            << pair("sort_ms", b.sort_ms, r.sort_ms, 100) << ", "
            << pair("filter_ms", b.filter_ms, r.filter_ms, 100) << ", "
            << pair("curves_redraw_ms", b.curves_ms, r.curves_ms, 50) << ", "
            << pair("parallel_redraw_ms", b.parallel_ms, r.parallel_ms, 50) << ", "
            << pair("importance_ms", b.importance_ms, r.importance_ms, 1000) << ", "
            << pair("memory_mib", b.memory_mib, r.memory_mib, 0) << "}" << std::endl;
  const bool met = b.window_ms < 2000 && b.sort_ms < 100 && b.filter_ms < 100 && b.curves_ms < 50 &&
                   b.parallel_ms < 50 && b.importance_ms < 1000;
  return met ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("TuneBenchBench"));
  const QString mode = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("chart");
  if (mode == QStringLiteral("heartbeat")) {
    return heartbeat(argc > 2 ? QString::fromLocal8Bit(argv[2])
                              : QStringLiteral(TUNEBENCH_SOURCE_DIR
                                               "/resources/presets/xavier-vs-he-vs-adam.json"));
  }
  if (mode == QStringLiteral("write-big-study") && argc > 3) {  // FILE N: to open by hand
    std::cout << tunebench::bench::writeBigStudy(argv[2], std::stoll(argv[3])) << std::endl;
    return 0;
  }
  if (mode == QStringLiteral("big-study")) return bigStudy(argc > 2 ? std::stoll(argv[2]) : 10000);
  return chartRefresh();
}
