#include "ui/bridge/results_follower.h"

#include <chrono>
#include <thread>

#include "common/redact.h"
#include "storage/open_storage.h"
#include "ui/bridge/background_threads.h"

namespace tunebench::ui {

void ResultsFollower::stop() {
  if (stop_) *stop_ = true;
  following_ = false;
}

void ResultsFollower::follow(const std::string& location, Handlers handlers) {
  stop();
  stop_ = std::make_shared<std::atomic<bool>>(false);
  following_ = true;
  BackgroundThreads::start(
      [this, post = post_, location, stop = stop_, handlers = std::move(handlers)] {
        try {
          const auto storage = openStorage(location, StorageAccess::kReadOnly);
          const std::string shown = tunebench::shownLocation(location);
          const std::int64_t study_id = pickStudy(*storage, "", shown, true);
          std::shared_ptr<const StudyOverview> study =
              std::make_shared<StudyOverview>(storedStudyOverview(*storage, study_id, shown));
          post->post([handlers, study, stop] {
            if (!*stop) handlers.opened(study);
          });
          StoredReader reader;
          while (!*stop) {
            std::shared_ptr<const StoredPoll> poll = reader.read(*storage, study_id);
            // Merged on the owner's thread (cheap: only what changed is handed to the views).
            post->post([handlers, poll, stop] {
              if (!*stop) handlers.read(poll);
            });
            for (int i = 0; i < 20 && !*stop; ++i) {
              std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
          }
        } catch (const std::exception& error) {
          const QString message = QString::fromStdString(redactSecrets(error.what()));
          post->post([this, handlers, message, stop] {
            if (*stop) return;
            following_ = false;  // the post runs only while the owner (and this follower) lives
            handlers.failed(message);
          });
        }
      });
}

}  // namespace tunebench::ui
