// UI benchmarks on the real window (offscreen platform):
//   heartbeat STUDY  - runs the study from the window; a 10 ms timer on the UI thread records the
//                      gaps between its ticks for the whole run (target: max < 50 ms).
//   chart            - one CurveChart refresh (decimate + replace + repaint) with 50 trials x
//                      2,000 points each (target: < 30 ms).
// Prints one JSON line.
#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <vector>

#include "ui/bridge/study_controller.h"
#include "ui/charts/curve_chart.h"
#include "ui/main_window.h"

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
  return chartRefresh();
}
