// A fixture for charts_only_check.cmake (never compiled): a chart drawn outside ui/charts/.
#include <QLineSeries>
