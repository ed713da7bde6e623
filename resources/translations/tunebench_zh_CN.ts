<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChoiceCatalogue</name>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="77"/>
        <source>Xavier (Glorot) uniform</source>
        <translation>Xavier（Glorot）均匀</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="79"/>
        <source>U(-a, a), a = gain·sqrt(6 / (fan_in + fan_out)): keeps the signal&apos;s variance for tanh/linear layers</source>
        <translation>U(-a, a)，a = gain·sqrt(6 / (fan_in + fan_out))：对 tanh/线性层保持信号方差</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="83"/>
        <source>Xavier (Glorot) normal</source>
        <translation>Xavier（Glorot）正态</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="85"/>
        <source>N(0, gain²·2 / (fan_in + fan_out)): the normal form of Glorot &amp; Bengio&apos;s rule</source>
        <translation>N(0, gain²·2 / (fan_in + fan_out))：Glorot 与 Bengio 规则的正态形式</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="89"/>
        <source>He (Kaiming) normal</source>
        <translation>He（Kaiming）正态</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="91"/>
        <source>N(0, 2 / fan_in) for ReLU: makes up for the half of the signal ReLU drops (He et al. 2015)</source>
        <translation>ReLU 用 N(0, 2 / fan_in)：补偿 ReLU 丢掉的一半信号（He 等，2015）</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="94"/>
        <source>He (Kaiming) uniform</source>
        <translation>He（Kaiming）均匀</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="96"/>
        <source>U(-a, a), a = sqrt(6 / fan_in) for ReLU</source>
        <translation>ReLU 用 U(-a, a)，a = sqrt(6 / fan_in)</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="98"/>
        <source>LeCun normal</source>
        <translation>LeCun 正态</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="99"/>
        <source>N(0, 1 / fan_in): for SELU and linear layers</source>
        <translation>N(0, 1 / fan_in)：用于 SELU 和线性层</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="100"/>
        <source>Orthogonal</source>
        <translation>正交</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="101"/>
        <source>A random orthogonal matrix times a gain (Saxe et al. 2014)</source>
        <translation>随机正交矩阵乘以增益（Saxe 等，2014）</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="104"/>
        <source>Plain normal N(0, σ²)</source>
        <translation>普通正态 N(0, σ²)</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="105"/>
        <source>Same σ in every layer (0.01 by default): the signal shrinks layer by layer in deep nets</source>
        <translation>每层相同的 σ（默认 0.01）：深层网络中信号逐层缩小</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="109"/>
        <source>Plain uniform U(-a, a)</source>
        <translation>普通均匀 U(-a, a)</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="110"/>
        <source>Same bound in every layer (0.05 by default)</source>
        <translation>每层相同的边界（默认 0.05）</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="111"/>
        <source>LibTorch default</source>
        <translation>LibTorch 默认</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="113"/>
        <source>What LibTorch does for Linear/Conv2d: U(-1/sqrt(fan_in), 1/sqrt(fan_in))-like</source>
        <translation>LibTorch 对 Linear/Conv2d 的做法：近似 U(-1/sqrt(fan_in), 1/sqrt(fan_in))</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="117"/>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="118"/>
        <source>All weights 0: every unit in a layer stays identical (a lesson, not a choice)</source>
        <translation>权重全为 0：同层所有单元始终相同（只作教学，不宜选用）</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="122"/>
        <source>Constant</source>
        <translation>常数</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="123"/>
        <source>Every weight the same value (init_value): units stay alike, as with zeros</source>
        <translation>每个权重取同一个值（init_value）：与全零一样，各单元保持相同</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="131"/>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="132"/>
        <source>w -= lr·g</source>
        <translation>w -= lr·g</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="133"/>
        <source>SGD + momentum</source>
        <translation>SGD + 动量</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="134"/>
        <source>v = μ·v + g; w -= lr·v</source>
        <translation>v = μ·v + g; w -= lr·v</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="135"/>
        <source>Nesterov momentum</source>
        <translation>Nesterov 动量</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="136"/>
        <source>Momentum with the gradient taken ahead</source>
        <translation>在前瞻位置取梯度的动量法</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="137"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="138"/>
        <source>Per-weight steps from running means of g and g² (Kingma &amp; Ba 2015)</source>
        <translation>由 g 与 g² 的滑动平均决定每个权重的步长（Kingma 与 Ba，2015）</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="141"/>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="142"/>
        <source>Adam with decoupled weight decay (Loshchilov &amp; Hutter 2019)</source>
        <translation>权重衰减解耦的 Adam（Loshchilov 与 Hutter，2019）</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="145"/>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="146"/>
        <source>Steps divided by a running RMS of the gradient</source>
        <translation>步长除以梯度的滑动均方根</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="147"/>
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="148"/>
        <source>Steps divided by the root of all past g²: they only shrink</source>
        <translation>步长除以全部历史 g² 之和的平方根：只会越来越小</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="155"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="156"/>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="157"/>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="158"/>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="160"/>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="161"/>
        <source>linear (none)</source>
        <translation>线性（无激活）</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="342"/>
        <source>MLP</source>
        <translation>MLP</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="343"/>
        <source>CNN (2 conv blocks)</source>
        <translation>CNN（2 个卷积块）</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="345"/>
        <source>TorchScript file…</source>
        <translation>TorchScript 文件…</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="10"/>
        <source>Fashion-MNIST (built in)</source>
        <translation>Fashion-MNIST（内置）</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="11"/>
        <source>70,000 28x28 clothing images, 10 classes</source>
        <translation>70,000 张 28x28 服装图像，10 类</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="12"/>
        <source>2-D data set</source>
        <translation>二维数据集</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="13"/>
        <source>TensorFlow Playground&apos;s circle, xor, gaussians and spiral</source>
        <translation>TensorFlow Playground 的圆环、异或、高斯和螺旋</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="15"/>
        <source>MNIST-format folder</source>
        <translation>MNIST 格式文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="16"/>
        <source>A folder with train-* and t10k-* IDX files</source>
        <translation>含 train-* 与 t10k-* IDX 文件的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="17"/>
        <source>Image folder</source>
        <translation>图片文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="18"/>
        <source>One sub-folder of PNG or JPEG pictures per class (as torchvision&apos;s ImageFolder)</source>
        <translation>每个类别一个子文件夹，里面是 PNG 或 JPEG 图片（与 torchvision 的 ImageFolder 相同）</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="21"/>
        <source>CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="22"/>
        <source>A header row, numeric columns and a label column</source>
        <translation>一行表头、若干数值列和一个标签列</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="29"/>
        <source>spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="30"/>
        <source>circle</source>
        <translation>圆环</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="31"/>
        <source>xor</source>
        <translation>异或</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="32"/>
        <source>gaussians</source>
        <translation>高斯</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="39"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="40"/>
        <source>Every combination; ranges take a number of grid points</source>
        <translation>所有组合；数值范围取若干网格点</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="42"/>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="43"/>
        <source>Independent random draws from the space</source>
        <translation>在空间中独立随机抽样</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="44"/>
        <source>TPE</source>
        <translation>TPE</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="45"/>
        <source>Tree-structured Parzen estimator: draws more where results were good</source>
        <translation>树结构 Parzen 估计器：在结果好的区域多抽样</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="53"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="54"/>
        <source>Every trial runs all its epochs</source>
        <translation>每个试验跑完全部轮次</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="55"/>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="56"/>
        <source>Stop a trial worse than the median of finished trials at the same epoch</source>
        <translation>在同一轮次差于已完成试验中位数的试验将被停止</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="59"/>
        <source>ASHA</source>
        <translation>ASHA</translation>
    </message>
    <message>
        <location filename="../../ui/setup/choice_catalogue.cpp" line="60"/>
        <source>Asynchronous successive halving: keep the best third at each rung</source>
        <translation>异步逐次减半：每一级保留最好的三分之一</translation>
    </message>
</context>
<context>
    <name>EffectsRowText</name>
    <message>
        <location filename="../../ui/bridge/effects_row.cpp" line="34"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
</context>
<context>
    <name>EffectsText</name>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="20"/>
        <source>%1 levels of %2</source>
        <translation>%2 的 %1 个取值</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="21"/>
        <source>1 seed</source>
        <translation>1 个种子</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="21"/>
        <source>%1 seeds</source>
        <translation>%1 个种子</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="33"/>
        <source>%1 vs %2: %1 higher validation accuracy by %3 (%4% CI %5 to %6, paired over %7, p = %8 Holm-adjusted)</source>
        <translation>%1 对比 %2：%1 的验证准确率高 %3（%4% 置信区间 %5 至 %6，在 %7 上配对，Holm 校正后 p = %8）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="35"/>
        <source>%1 vs %2: %1 lower validation loss by %3 (%4% CI %5 to %6, paired over %7, p = %8 Holm-adjusted)</source>
        <translation>%1 对比 %2：%1 的验证损失低 %3（%4% 置信区间 %5 至 %6，在 %7 上配对，Holm 校正后 p = %8）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="40"/>
        <source>; the same sign at every level of %1</source>
        <translation>；在 %1 的每个取值下方向都相同</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="42"/>
        <source>; not the same sign at every level of %1</source>
        <translation>；在 %1 的各取值下方向并不都相同</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="46"/>
        <source>. Not significant</source>
        <translation>。不显著</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="48"/>
        <source>; more than 10,000 seeds would be needed to detect it</source>
        <translation>；需要超过 10,000 个种子才能检测出来</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="50"/>
        <source>; about %1 seeds would detect a difference this size at 80% power</source>
        <translation>；约 %1 个种子能以 80% 的检验效能检测出这么大的差异</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="58"/>
        <source>Nothing to compare yet: the effects need two levels of a parameter with finished trials.</source>
        <translation>暂无可比较的内容：效应需要某个参数的两个取值都有已完成的试验。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="62"/>
        <source>No two levels of a parameter ran under the same other settings and seeds: the levels below are described, not compared (not controlled).</source>
        <translation>没有哪个参数的两个取值在相同的其他设置和种子下运行过：下面只描述各取值，不作比较（非受控）。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="76"/>
        <source>Searched values, grouped into ranges of about as many configurations each: described, not compared (not controlled: the other settings differ within a range).</source>
        <translation>搜索得到的取值，按每段配置数大致相同分成区间：只作描述，不作比较（未受控：同一区间内其他设置各不相同）。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="82"/>
        <source>Not controlled: its levels never ran under the same other settings and seeds; per level, the spread only.</source>
        <translation>非受控：它的各取值从未在相同的其他设置和种子下运行；只列出每个取值的分布。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="88"/>
        <source>level</source>
        <translation>取值</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="88"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="88"/>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="89"/>
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="89"/>
        <source>middle half</source>
        <translation>中间一半</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="90"/>
        <source>best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_text.cpp" line="99"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
</context>
<context>
    <name>FieldWords</name>
    <message>
        <location filename="../../ui/bridge/study_validation.cpp" line="34"/>
        <source>Listed configurations, row %1, %2</source>
        <translation>列出的配置，第 %1 行，%2</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/study_validation.cpp" line="41"/>
        <source>%1 (from)</source>
        <translation>%1（起）</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/study_validation.cpp" line="42"/>
        <source>%1 (to)</source>
        <translation>%1（止）</translation>
    </message>
</context>
<context>
    <name>HtmlReport</name>
    <message>
        <location filename="../../ui/panels/html_report.cpp" line="35"/>
        <source>What to look for.</source>
        <translation>看点。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/html_report.cpp" line="39"/>
        <source>Comparison</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../ui/panels/html_report.cpp" line="43"/>
        <source>Effects of each parameter</source>
        <translation>各参数的效应</translation>
    </message>
    <message>
        <location filename="../../ui/panels/html_report.cpp" line="51"/>
        <source>Trials</source>
        <translation>试验</translation>
    </message>
</context>
<context>
    <name>MethodNotes</name>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="15"/>
        <source>W ~ U(-a, a), a = gain · sqrt(6 / (fan_in + fan_out)); Var(W) = gain² · 2 / (fan_in + fan_out)</source>
        <translation>W ~ U(-a, a)，a = gain · sqrt(6 / (fan_in + fan_out))；Var(W) = gain² · 2 / (fan_in + fan_out)</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="18"/>
        <source>Activations roughly linear and symmetric around 0 (tanh, identity); a compromise between keeping the forward signal&apos;s and the backward gradient&apos;s variance (Glorot &amp; Bengio 2010).</source>
        <translation>激活函数在 0 附近近似线性且对称（tanh、恒等）；在保持前向信号方差与反向梯度方差之间折中（Glorot 与 Bengio，2010）。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="22"/>
        <source>Deep ReLU nets: ReLU zeroes half the signal, so the variance halves at every layer and the signal vanishes with depth.</source>
        <translation>深层 ReLU 网络：ReLU 把一半信号置零，方差每层减半，信号随深度消失。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="26"/>
        <source>W ~ N(0, gain² · 2 / (fan_in + fan_out))</source>
        <translation>W ~ N(0, gain² · 2 / (fan_in + fan_out))</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="27"/>
        <source>As Xavier uniform: near-linear, zero-centred activations.</source>
        <translation>同 Xavier 均匀：近似线性、以 0 为中心的激活。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="29"/>
        <source>As Xavier uniform: deep ReLU nets lose the signal.</source>
        <translation>同 Xavier 均匀：深层 ReLU 网络丢失信号。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="31"/>
        <source>W ~ N(0, gain² / fan), gain² = 2 for ReLU; fan = fan_in keeps the forward variance, fan_out the backward</source>
        <translation>W ~ N(0, gain² / fan)，ReLU 的 gain² = 2；fan = fan_in 保持前向方差，fan_out 保持反向方差</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="34"/>
        <source>ReLU-like activations that pass half of a zero-mean input (He et al. 2015).</source>
        <translation>类 ReLU 激活，让零均值输入通过一半（He 等，2015）。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="37"/>
        <source>tanh or sigmoid nets: the doubled variance pushes units into saturation; very deep plain nets still drift without normalization.</source>
        <translation>tanh 或 sigmoid 网络：加倍的方差把单元推向饱和；很深的普通网络不加归一化仍会漂移。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="41"/>
        <source>W ~ U(-b, b), b = gain · sqrt(3 / fan)</source>
        <translation>W ~ U(-b, b)，b = gain · sqrt(3 / fan)</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="42"/>
        <source>As He normal: ReLU-like activations.</source>
        <translation>同 He 正态：类 ReLU 激活。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="43"/>
        <source>As He normal: saturating activations.</source>
        <translation>同 He 正态：饱和型激活。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="44"/>
        <source>W ~ N(0, 1 / fan_in)</source>
        <translation>W ~ N(0, 1 / fan_in)</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="45"/>
        <source>Activations that keep unit variance themselves: SELU (self-normalizing nets), or linear layers (LeCun et al. 1998).</source>
        <translation>自身保持单位方差的激活：SELU（自归一化网络）或线性层（LeCun 等，1998）。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="48"/>
        <source>ReLU nets: like Xavier, the signal halves its variance at each layer.</source>
        <translation>ReLU 网络：与 Xavier 一样，信号方差每层减半。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="51"/>
        <source>W = gain · Q, Q from the QR decomposition of a Gaussian matrix</source>
        <translation>W = gain · Q，Q 取自高斯矩阵的 QR 分解</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="53"/>
        <source>Linear (or near-linear) layers: an orthogonal map keeps every vector&apos;s norm exactly, so deep linear nets train as fast as shallow ones (Saxe et al. 2014).</source>
        <translation>线性（或近似线性）层：正交映射严格保持向量范数，深层线性网络训练得和浅层一样快（Saxe 等，2014）。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="57"/>
        <source>The nonlinearity&apos;s gain is not included unless you set gain; with ReLU use gain sqrt(2).</source>
        <translation>除非设置 gain，否则不含非线性的增益；ReLU 请用 gain = sqrt(2)。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="61"/>
        <source>W ~ N(0, σ²) with the same σ (0.01 by default) in every layer</source>
        <translation>每层使用相同 σ（默认 0.01）的 W ~ N(0, σ²)</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="63"/>
        <source>Nothing about the layer sizes: each layer scales the signal&apos;s variance by fan_in · σ² (times the activation&apos;s gain).</source>
        <translation>不考虑层的大小：每层把信号方差乘以 fan_in · σ²（再乘激活的增益）。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="66"/>
        <source>Deep nets: with σ = 0.01 and fan_in = 256 each layer multiplies the variance by 0.0256, so the signal and the gradients vanish after a few layers; a large σ explodes instead.</source>
        <translation>深层网络：σ = 0.01、fan_in = 256 时每层方差乘以 0.0256，几层之后信号和梯度就消失；σ 过大则会爆炸。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="71"/>
        <source>W ~ U(-a, a) with the same a (0.05 by default) in every layer; Var(W) = a² / 3</source>
        <translation>每层使用相同 a（默认 0.05）的 W ~ U(-a, a)；Var(W) = a² / 3</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="74"/>
        <source>As the plain normal: nothing about the layer sizes.</source>
        <translation>同普通正态：不考虑层的大小。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="75"/>
        <source>As the plain normal: the signal shrinks or grows geometrically with depth.</source>
        <translation>同普通正态：信号随深度按几何级数缩小或增长。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="79"/>
        <source>W ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)); Var(W) = 1 / (3 · fan_in)</source>
        <translation>W ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in))；Var(W) = 1 / (3 · fan_in)</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="81"/>
        <source>The old heuristic Glorot &amp; Bengio measured (LibTorch&apos;s Linear default: Kaiming uniform with a = sqrt(5)).</source>
        <translation>Glorot 与 Bengio 所测的旧启发式规则（LibTorch Linear 的默认值：a = sqrt(5) 的 Kaiming 均匀）。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="84"/>
        <source>Deeper tanh or ReLU nets: each layer scales the variance by about 1/3 (1/6 with ReLU), so activations and gradients shrink with depth.</source>
        <translation>较深的 tanh 或 ReLU 网络：每层方差约乘以 1/3（ReLU 为 1/6），激活和梯度随深度缩小。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="87"/>
        <source>W = 0</source>
        <translation>W = 0</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="88"/>
        <location filename="../../ui/teaching/method_notes.cpp" line="94"/>
        <source>Nothing: a teaching case.</source>
        <translation>无：仅为教学示例。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="89"/>
        <source>Always: every unit of a layer computes the same output and gets the same gradient, so the symmetry is never broken (and with ReLU no gradient flows at all).</source>
        <translation>总是失败：同层每个单元输出相同、梯度相同，对称性永远无法打破（用 ReLU 时梯度完全无法流动）。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="93"/>
        <source>W = c</source>
        <translation>W = c</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="95"/>
        <source>Always: identical units, as with zeros.</source>
        <translation>总是失败：与全零一样，单元完全相同。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="102"/>
        <source>w ← w − η g</source>
        <translation>w ← w − η g</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="103"/>
        <source>A well-conditioned loss and a tuned learning rate (usually with a decay schedule).</source>
        <translation>条件良好的损失函数和调好的学习率（通常配合衰减计划）。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="106"/>
        <source>Ravines (it oscillates across and crawls along them) and plateaus; too large an η diverges, too small barely moves.</source>
        <translation>峡谷（横向振荡、纵向爬行）和平台；η 太大发散，太小几乎不动。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="110"/>
        <source>v ← μ v + g;  w ← w − η v   (LibTorch&apos;s form; steady directions move η / (1 − μ) per step)</source>
        <translation>v ← μ v + g;  w ← w − η v   （LibTorch 的形式；稳定方向每步移动 η / (1 − μ)）</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="113"/>
        <source>Gradients that keep their direction for a while (Polyak 1964; Sutskever et al. 2013).</source>
        <translation>梯度方向能保持一段时间（Polyak，1964；Sutskever 等，2013）。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="116"/>
        <source>Overshoot and oscillation when η / (1 − μ) is too large; remember the effective step is about 10× η at μ = 0.9.</source>
        <translation>η / (1 − μ) 太大时会冲过头并振荡；注意 μ = 0.9 时有效步长约为 10 倍 η。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="119"/>
        <source>v ← μ v + g;  w ← w − η (g + μ v)</source>
        <translation>v ← μ v + g;  w ← w − η (g + μ v)</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="120"/>
        <source>As momentum, with the gradient taken after the momentum step (Nesterov 1983), which damps oscillation.</source>
        <translation>同动量法，但在动量步之后取梯度（Nesterov，1983），能抑制振荡。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="123"/>
        <source>As momentum: too large a step; a little more forgiving.</source>
        <translation>同动量法：步长过大；稍微宽容一些。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="124"/>
        <source>G ← G + g²;  w ← w − η g / (sqrt(G) + ε)</source>
        <translation>G ← G + g²;  w ← w − η g / (sqrt(G) + ε)</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="125"/>
        <source>Sparse features that deserve larger steps when they rarely appear (Duchi et al. 2011).</source>
        <translation>稀疏特征：很少出现时应走更大的步（Duchi 等，2011）。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="128"/>
        <source>Long non-convex training: G only grows, so the steps shrink towards zero and learning stalls.</source>
        <translation>长时间的非凸训练：G 只增不减，步长趋于零，学习停滞。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="132"/>
        <source>s ← α s + (1 − α) g²;  w ← w − η g / (sqrt(s) + ε)</source>
        <translation>s ← α s + (1 − α) g²;  w ← w − η g / (sqrt(s) + ε)</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="133"/>
        <source>A running (forgetting) average of g² to normalize steps per weight (Tieleman &amp; Hinton 2012).</source>
        <translation>用 g² 的滑动（遗忘）平均归一化每个权重的步长（Tieleman 与 Hinton，2012）。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="136"/>
        <source>No bias correction: the first steps are too large; sensitive to η and ε.</source>
        <translation>没有偏差修正：最初几步过大；对 η 和 ε 敏感。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="140"/>
        <source>m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g²;  w ← w − η m̂ / (sqrt(v̂) + ε),  m̂ = m / (1 − β1ᵗ), v̂ = v / (1 − β2ᵗ)</source>
        <translation>m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g²;  w ← w − η m̂ / (sqrt(v̂) + ε)，m̂ = m / (1 − β1ᵗ)，v̂ = v / (1 − β2ᵗ)</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="143"/>
        <source>Momentum plus per-weight step sizes with bias correction: every weight moves about η per step (Kingma &amp; Ba 2015).</source>
        <translation>动量加上带偏差修正的逐权重步长：每个权重每步大约移动 η（Kingma 与 Ba，2015）。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="146"/>
        <source>Can generalize worse than SGD with momentum; L2 weight decay gets scaled by the adaptive step (use AdamW); there are convex problems where it does not converge (Reddi et al. 2018).</source>
        <translation>泛化可能不如带动量的 SGD；L2 权重衰减会被自适应步长缩放（请用 AdamW）；存在它不收敛的凸问题（Reddi 等，2018）。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="151"/>
        <source>Adam&apos;s step, then w ← w − η λ w (decay decoupled from the gradient)</source>
        <translation>先走 Adam 的一步，再 w ← w − η λ w（衰减与梯度解耦）</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="153"/>
        <source>Weight decay meant as shrinkage, independent of the adaptive scaling (Loshchilov &amp; Hutter 2019).</source>
        <translation>权重衰减作为收缩，不受自适应缩放影响（Loshchilov 与 Hutter，2019）。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="156"/>
        <source>As Adam otherwise; λ must be tuned together with η.</source>
        <translation>其余同 Adam；λ 必须与 η 一起调。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="167"/>
        <source>Assumes:</source>
        <translation>假设：</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="169"/>
        <source>Fails:</source>
        <translation>失效：</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="178"/>
        <source>Initializers</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/method_notes.cpp" line="192"/>
        <source>Optimizers</source>
        <translation>优化器</translation>
    </message>
</context>
<context>
    <name>ModelSummary</name>
    <message>
        <location filename="../../ui/bridge/model_summary_text.cpp" line="25"/>
        <source>Choose the .pt file torch.jit.save wrote.</source>
        <translation>选择 torch.jit.save 写出的 .pt 文件。</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/model_summary_text.cpp" line="23"/>
        <source>Choose the .pt file</source>
        <translation>选择 .pt 文件</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/model_summary_text.cpp" line="30"/>
        <source>%1 parameters</source>
        <translation>%1 个参数</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/model_summary_text.cpp" line="33"/>
        <source>%1 weight layers, %2 left as saved</source>
        <translation>%1 个权重层，%2 个保持原值</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/model_summary_text.cpp" line="36"/>
        <source>Initialized: %1.</source>
        <translation>会被初始化的：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/model_summary_text.cpp" line="40"/>
        <source>Nothing is left alone.</source>
        <translation>没有保持原样的参数。</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/model_summary_text.cpp" line="41"/>
        <source>Left as saved: %1.</source>
        <translation>保持文件中的值：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/model_summary_text.cpp" line="47"/>
        <source>Takes samples of [%1].</source>
        <translation>接受形状为 [%1] 的样本。</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/model_summary_text.cpp" line="51"/>
        <source>Not usable (see the tooltip)</source>
        <translation>无法使用（见提示）</translation>
    </message>
</context>
<context>
    <name>ParamTable</name>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="176"/>
        <source>Initializer</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="181"/>
        <source>Init std</source>
        <translation>初始化标准差</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="189"/>
        <source>Init bound</source>
        <translation>初始化边界</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="197"/>
        <source>Init gain</source>
        <translation>初始化增益</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="202"/>
        <source>Init mode</source>
        <translation>初始化模式</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="205"/>
        <source>Init nonlinearity</source>
        <translation>初始化非线性</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="211"/>
        <source>Init value</source>
        <translation>初始化取值</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="216"/>
        <source>Bias init</source>
        <translation>偏置初始化</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="218"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="223"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="232"/>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="243"/>
        <source>Adam β1</source>
        <translation>Adam β1</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="253"/>
        <source>Adam β2</source>
        <translation>Adam β2</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="263"/>
        <source>Epsilon</source>
        <translation>Epsilon（ε）</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="274"/>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="285"/>
        <source>RMSprop α</source>
        <translation>RMSprop α</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="295"/>
        <source>Gradient clip norm</source>
        <translation>梯度裁剪范数</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="302"/>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="307"/>
        <source>Step epochs</source>
        <translation>衰减间隔轮数</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="315"/>
        <source>Gamma</source>
        <translation>衰减因子</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="323"/>
        <source>LR floor</source>
        <translation>学习率下限</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="331"/>
        <source>Warm-up steps</source>
        <translation>预热步数</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="339"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="351"/>
        <source>Depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="359"/>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="364"/>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="369"/>
        <source>Batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="377"/>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="385"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../../engine/trial/param_table.cpp" line="393"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
</context>
<context>
    <name>PlanText</name>
    <message>
        <location filename="../../ui/setup/plan_text.cpp" line="16"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/setup/plan_text.cpp" line="17"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/setup/plan_text.cpp" line="18"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/setup/plan_text.cpp" line="22"/>
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../ui/setup/plan_text.cpp" line="24"/>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../ui/setup/plan_text.cpp" line="30"/>
        <source>The plan shows once the study has no problems.</source>
        <translation>研究没有问题后即显示计划。</translation>
    </message>
    <message>
        <location filename="../../ui/setup/plan_text.cpp" line="34"/>
        <source>%1 searched by TPE: %2 configurations chosen as results come in</source>
        <translation>由 TPE 搜索 %1：随结果陆续选出 %2 个配置</translation>
    </message>
    <message>
        <location filename="../../ui/setup/plan_text.cpp" line="38"/>
        <location filename="../../ui/setup/plan_text.cpp" line="44"/>
        <source>%1 listed configurations</source>
        <translation>%1 个列出的配置</translation>
    </message>
    <message>
        <location filename="../../ui/setup/plan_text.cpp" line="40"/>
        <source>%1 searched (%2, %3 configurations)</source>
        <translation>搜索 %1（%2，%3 个配置）</translation>
    </message>
    <message>
        <location filename="../../ui/setup/plan_text.cpp" line="46"/>
        <source> × %1 (%2, %3 points)</source>
        <translation> × %1（%2，%3 个取值）</translation>
    </message>
    <message>
        <location filename="../../ui/setup/plan_text.cpp" line="49"/>
        <source> = %1 configurations</source>
        <translation> = %1 个配置</translation>
    </message>
    <message>
        <location filename="../../ui/setup/plan_text.cpp" line="51"/>
        <source> × %1 seeds = %2 trials</source>
        <translation> × %1 个种子 = %2 个试验</translation>
    </message>
    <message>
        <location filename="../../ui/setup/plan_text.cpp" line="52"/>
        <source>, about %1</source>
        <translation>，约 %1</translation>
    </message>
    <message>
        <location filename="../../ui/setup/plan_text.cpp" line="53"/>
        <source>Will run: %1</source>
        <translation>将运行：%1</translation>
    </message>
    <message>
        <location filename="../../ui/setup/plan_text.cpp" line="59"/>
        <source>%1 is searched, but every listed configuration sets its own: clear it in the table to search it</source>
        <translation>%1 在搜索中，但每个列出的配置都设了自己的值：在表格中清空它才会搜索</translation>
    </message>
    <message>
        <location filename="../../ui/setup/plan_text.cpp" line="64"/>
        <source>The Configurations limit stops the plan at %1</source>
        <translation>“配置数”上限让计划止于 %1 个配置</translation>
    </message>
</context>
<context>
    <name>SearchPlot</name>
    <message>
        <location filename="../../ui/charts/search_plot.cpp" line="29"/>
        <source>Final validation accuracy</source>
        <translation>最终验证准确率</translation>
    </message>
    <message>
        <location filename="../../ui/charts/search_plot.cpp" line="30"/>
        <source>Final validation loss</source>
        <translation>最终验证损失</translation>
    </message>
</context>
<context>
    <name>StudyDraft</name>
    <message>
        <location filename="../../ui/setup/study_draft.cpp" line="300"/>
        <source>choose at least one initializer</source>
        <translation>请至少选择一种初始化方法</translation>
    </message>
    <message>
        <location filename="../../ui/setup/study_draft.cpp" line="304"/>
        <source>choose at least one optimizer</source>
        <translation>请至少选择一种优化器</translation>
    </message>
    <message>
        <location filename="../../ui/setup/study_draft.cpp" line="310"/>
        <source>give at least one batch size, e.g. 64, 128</source>
        <translation>请至少给出一个批大小，例如 64, 128</translation>
    </message>
    <message>
        <location filename="../../ui/setup/study_draft.cpp" line="318"/>
        <source>no such folder: %1</source>
        <translation>文件夹不存在：%1</translation>
    </message>
    <message>
        <location filename="../../ui/setup/study_draft.cpp" line="324"/>
        <source>no such file: %1</source>
        <translation>文件不存在：%1</translation>
    </message>
</context>
<context>
    <name>TrialState</name>
    <message>
        <location filename="../../ui/panels/trial_table_model.cpp" line="27"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_table_model.cpp" line="28"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_table_model.cpp" line="29"/>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_table_model.cpp" line="30"/>
        <source>pruned</source>
        <translation>已剪枝</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_table_model.cpp" line="31"/>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_table_model.cpp" line="32"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_table_model.cpp" line="33"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_table_model.cpp" line="34"/>
        <source>stale</source>
        <translation>失联</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::BoundaryView</name>
    <message>
        <location filename="../../ui/teaching/boundary_view.cpp" line="83"/>
        <source>Decision boundaries appear here for 2-D data sets (circle, xor, gaussians, spiral): try the playground-spiral preset.</source>
        <translation>二维数据集（圆环、异或、高斯、螺旋）的决策边界显示在这里：试试 playground-spiral 预设。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/boundary_view.cpp" line="102"/>
        <source>%1 · epoch %2</source>
        <translation>%1 · 第 %2 轮</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::ChartPanel</name>
    <message>
        <location filename="../../ui/charts/chart_panel.cpp" line="24"/>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location filename="../../ui/charts/chart_panel.cpp" line="25"/>
        <source>Ignore outliers</source>
        <translation>忽略离群值</translation>
    </message>
    <message>
        <location filename="../../ui/charts/chart_panel.cpp" line="35"/>
        <source>Scale the y axis to 98% of the points, so that the first steps&apos; spike does not flatten the rest of the curves</source>
        <translation>按 98% 的数据点确定 y 轴范围，使最初几步的尖峰不会压扁其余曲线</translation>
    </message>
    <message>
        <location filename="../../ui/charts/chart_panel.cpp" line="38"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../ui/charts/chart_panel.cpp" line="38"/>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../../ui/charts/chart_panel.cpp" line="38"/>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location filename="../../ui/charts/chart_panel.cpp" line="39"/>
        <source>by step</source>
        <translation>按步</translation>
    </message>
    <message>
        <location filename="../../ui/charts/chart_panel.cpp" line="39"/>
        <source>by epoch</source>
        <translation>按轮</translation>
    </message>
    <message>
        <location filename="../../ui/charts/chart_panel.cpp" line="39"/>
        <source>by time</source>
        <translation>按时间</translation>
    </message>
    <message>
        <location filename="../../ui/charts/chart_panel.cpp" line="40"/>
        <source>One line per trial</source>
        <translation>每个试验一条线</translation>
    </message>
    <message>
        <location filename="../../ui/charts/chart_panel.cpp" line="40"/>
        <source>Mean ± sd per configuration</source>
        <translation>每个配置的均值 ± 标准差</translation>
    </message>
    <message>
        <location filename="../../ui/charts/chart_panel.cpp" line="50"/>
        <source>Exponential moving average of the training loss, as in TensorBoard</source>
        <translation>训练损失的指数滑动平均，与 TensorBoard 相同</translation>
    </message>
    <message>
        <location filename="../../ui/charts/chart_panel.cpp" line="54"/>
        <source>Export...</source>
        <translation>导出...</translation>
    </message>
    <message>
        <location filename="../../ui/charts/chart_panel.cpp" line="55"/>
        <source>Save the chart as PNG or SVG</source>
        <translation>将图表保存为 PNG 或 SVG</translation>
    </message>
    <message>
        <location filename="../../ui/charts/chart_panel.cpp" line="63"/>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <location filename="../../ui/charts/chart_panel.cpp" line="99"/>
        <location filename="../../ui/charts/chart_panel.cpp" line="103"/>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../../ui/charts/chart_panel.cpp" line="100"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../ui/charts/chart_panel.cpp" line="103"/>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::ComparisonChart</name>
    <message>
        <location filename="../../ui/charts/comparison_chart.cpp" line="71"/>
        <source>val loss %1 ± %2, 95% CI [%3, %4], %5 seed(s)</source>
        <translation>验证损失 %1 ± %2，95% 置信区间 [%3, %4]，%5 个种子</translation>
    </message>
    <message>
        <location filename="../../ui/charts/comparison_chart.cpp" line="72"/>
        <source>val accuracy %1 ± %2, 95% CI [%3, %4], %5 seed(s)</source>
        <translation>验证准确率 %1 ± %2，95% 置信区间 [%3, %4]，%5 个种子</translation>
    </message>
    <message>
        <location filename="../../ui/charts/comparison_chart.cpp" line="79"/>
        <source>vs best: %1, %2% interval [%3, %4] (Holm-adjusted)</source>
        <translation>与最佳之差：%1，%2% 区间 [%3, %4]（Holm 校正）</translation>
    </message>
    <message>
        <location filename="../../ui/charts/comparison_chart.cpp" line="86"/>
        <source>p = %1 (%2, Holm-adjusted)</source>
        <translation>p = %1（%2，Holm 校正）</translation>
    </message>
    <message>
        <location filename="../../ui/charts/comparison_chart.cpp" line="88"/>
        <source>paired</source>
        <translation>配对</translation>
    </message>
    <message>
        <location filename="../../ui/charts/comparison_chart.cpp" line="88"/>
        <source>Welch</source>
        <translation>Welch</translation>
    </message>
    <message>
        <location filename="../../ui/charts/comparison_chart.cpp" line="104"/>
        <source>Final validation loss per configuration: mean, 95% interval, seeds</source>
        <translation>各配置的最终验证损失：均值、95% 区间、各种子</translation>
    </message>
    <message>
        <location filename="../../ui/charts/comparison_chart.cpp" line="105"/>
        <source>Final validation accuracy per configuration: mean, 95% interval, seeds</source>
        <translation>各配置的最终验证准确率：均值、95% 区间、各种子</translation>
    </message>
    <message>
        <location filename="../../ui/charts/comparison_chart.cpp" line="124"/>
        <source>seeds</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../ui/charts/comparison_chart.cpp" line="126"/>
        <source>best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <location filename="../../ui/charts/comparison_chart.cpp" line="127"/>
        <source>~best (not significantly worse)</source>
        <translation>≈最佳（无显著差异）</translation>
    </message>
    <message>
        <location filename="../../ui/charts/comparison_chart.cpp" line="128"/>
        <source>significantly worse</source>
        <translation>显著更差</translation>
    </message>
    <message>
        <location filename="../../ui/charts/comparison_chart.cpp" line="161"/>
        <source>final validation loss (lower is better)</source>
        <translation>最终验证损失（越低越好）</translation>
    </message>
    <message>
        <location filename="../../ui/charts/comparison_chart.cpp" line="162"/>
        <source>final validation accuracy (higher is better)</source>
        <translation>最终验证准确率（越高越好）</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::ConfigurationsEditor</name>
    <message>
        <location filename="../../ui/setup/configurations_editor.cpp" line="105"/>
        <source>The configurations the study lists; double-click a cell to change it. An empty cell leaves the parameter to the study&apos;s defaults.</source>
        <translation>研究列出的配置；双击单元格即可修改。空单元格表示该参数使用研究的默认值。</translation>
    </message>
    <message>
        <location filename="../../ui/setup/configurations_editor.cpp" line="109"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/setup/configurations_editor.cpp" line="110"/>
        <source>Add a configuration (a copy of the first one) at the end</source>
        <translation>在末尾添加一个配置（复制第一个）</translation>
    </message>
    <message>
        <location filename="../../ui/setup/configurations_editor.cpp" line="112"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/setup/configurations_editor.cpp" line="113"/>
        <source>Copy the selected configuration below it</source>
        <translation>把选中的配置复制到它下方</translation>
    </message>
    <message>
        <location filename="../../ui/setup/configurations_editor.cpp" line="115"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/setup/configurations_editor.cpp" line="116"/>
        <source>Remove the selected configuration</source>
        <translation>删除选中的配置</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::CurveChart</name>
    <message>
        <location filename="../../ui/charts/curve_chart_settings.cpp" line="22"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../ui/charts/curve_chart_settings.cpp" line="24"/>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../../ui/charts/curve_chart_settings.cpp" line="26"/>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location filename="../../ui/charts/curve_chart.cpp" line="48"/>
        <source>pruned</source>
        <translation>已剪枝</translation>
    </message>
    <message>
        <location filename="../../ui/charts/curve_chart.cpp" line="53"/>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location filename="../../ui/charts/curve_chart.cpp" line="117"/>
        <source>Trial %1 (seed %2): %3
%4</source>
        <translation>试验 %1（种子 %2）：%3
%4</translation>
    </message>
    <message>
        <location filename="../../ui/charts/curve_chart.cpp" line="334"/>
        <source>%1
mean %2 at x = %3</source>
        <translation>%1
x = %3 处均值 %2</translation>
    </message>
    <message>
        <location filename="../../ui/charts/curve_chart_settings.cpp" line="68"/>
        <source> (mean ± sd over seeds)</source>
        <translation>（各种子的均值 ± 标准差）</translation>
    </message>
    <message>
        <location filename="../../ui/charts/curve_chart_settings.cpp" line="70"/>
        <source> — the best %1 of %2 trials, and the running and selected ones</source>
        <translation>——共 %2 个试验，显示最好的 %1 个以及运行中和选中的</translation>
    </message>
    <message>
        <location filename="../../ui/charts/curve_chart_settings.cpp" line="75"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../../ui/charts/curve_chart_settings.cpp" line="76"/>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <location filename="../../ui/charts/curve_chart_settings.cpp" line="77"/>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../ui/charts/curve_chart_settings.cpp" line="78"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../ui/charts/curve_chart_settings.cpp" line="78"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::DiagnosticsPanel</name>
    <message>
        <location filename="../../ui/teaching/diagnostics_panel.cpp" line="31"/>
        <source>Signal through depth: activation std by layer</source>
        <translation>信号随深度变化：各层激活标准差</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/diagnostics_panel.cpp" line="37"/>
        <source>Which probe to show: far left is the network at initialization</source>
        <translation>显示哪一次探测：最左边是初始化时的网络</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/diagnostics_panel.cpp" line="42"/>
        <source>Gradient flowing back, dL/dh (std at each layer&apos;s output)</source>
        <translation>反向传回的梯度 dL/dh（各层输出处的标准差）</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/diagnostics_panel.cpp" line="43"/>
        <source>Gradient of the weights, dL/dW (norm per layer)</source>
        <translation>权重的梯度 dL/dW（每层的范数）</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/diagnostics_panel.cpp" line="45"/>
        <source>dL/dh is the gradient the layers pass back to one another: if it shrinks towards the input, the first layers barely learn. dL/dW is what the optimizer applies to each layer&apos;s weights.</source>
        <translation>dL/dh 是各层之间反向传递的梯度：如果它向输入方向逐层缩小，前面几层几乎学不到东西。dL/dW 是优化器作用到每层权重上的梯度。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/diagnostics_panel.cpp" line="50"/>
        <source>Probe</source>
        <translation>探测</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/diagnostics_panel.cpp" line="140"/>
        <source>at initialization</source>
        <translation>初始化时</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/diagnostics_panel.cpp" line="140"/>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/diagnostics_panel.cpp" line="144"/>
        <source>Probes are off for this study. Set training.probe_every (the teaching presets do) to see inside the network.</source>
        <translation>此研究未开启探测。设置 training.probe_every（教学预设已设置）即可查看网络内部。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/diagnostics_panel.cpp" line="147"/>
        <source>The layers&apos; outputs cannot be probed inside a compiled TorchScript module: no activations and no dL/dh here. Its weight gradients (dL/dW) are shown.</source>
        <translation>已编译的 TorchScript 模块内部无法探测各层的输出：这里没有激活值，也没有 dL/dh。下面显示的是它的权重梯度（dL/dW）。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/diagnostics_panel.cpp" line="198"/>
        <source>activation std</source>
        <translation>激活标准差</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/diagnostics_panel.cpp" line="200"/>
        <source>std of dL/dh</source>
        <translation>dL/dh 的标准差</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/diagnostics_panel.cpp" line="200"/>
        <source>norm of dL/dW</source>
        <translation>dL/dW 的范数</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/diagnostics_panel.cpp" line="243"/>
        <source>Gradient flowing back by layer (dL/dh)</source>
        <translation>各层反向传回的梯度（dL/dh）</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/diagnostics_panel.cpp" line="244"/>
        <source>Weight gradient by layer (dL/dW)</source>
        <translation>各层权重梯度（dL/dW）</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/diagnostics_panel.cpp" line="222"/>
        <source>Trial %1 (seed %2): %3</source>
        <translation>试验 %1（种子 %2）：%3</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::EffectsView</name>
    <message>
        <location filename="../../ui/panels/effects_view.cpp" line="48"/>
        <source>Plot:</source>
        <translation>图：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_view.cpp" line="83"/>
        <source>%1: results per level</source>
        <translation>%1：各水平的结果</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_view.cpp" line="85"/>
        <source>%1 by %2</source>
        <translation>%1 按 %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_view.cpp" line="113"/>
        <source>Resume with %1 seeds per configuration</source>
        <translation>以每个配置 %1 个种子继续</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_view.cpp" line="115"/>
        <source>About %1 seeds would detect %2 at 80% power: the new seeds run for every configuration, the finished trials stay.</source>
        <translation>约 %1 个种子可以 80% 的检验效能检出 %2：新种子会在每个配置上运行，已完成的试验保留。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/effects_view.cpp" line="119"/>
        <source>Available when the study&apos;s results are stored and nothing is running.</source>
        <translation>研究结果已保存且没有运行中的任务时可用。</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::GroupTableModel</name>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="61"/>
        <source>Lowest mean final validation loss</source>
        <translation>最终验证损失均值最低</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="62"/>
        <source>Not significantly different from the best (p &gt;= 0.05)</source>
        <translation>与最佳无显著差异（p &gt;= 0.05）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/group_table_model.cpp" line="67"/>
        <source>Mean of this configuration&apos;s final loss minus the best&apos;s, seed by seed over the %n seed(s) both completed (seed k of every configuration sees the same batches). The interval is Holm-adjusted like the p-value: it excludes 0 exactly when the difference is significant.</source>
        <translation>
            <numerusform>该配置的最终损失减去最佳配置的最终损失，在双方都完成的 %n 个种子上逐种子计算的均值（每个配置的第 k 个种子看到相同的批次）。区间与 p 值一样经过 Holm 校正：差异显著时，且仅在此时，区间不包含 0。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="72"/>
        <source>This configuration&apos;s mean final loss minus the best&apos;s (Welch: not every seed is in both). The interval is Holm-adjusted like the p-value: it excludes 0 exactly when the difference is significant.</source>
        <translation>该配置的平均最终损失减去最佳配置的平均最终损失（Welch：并非每个种子都在双方中）。区间与 p 值一样经过 Holm 校正：差异显著时，且仅在此时，区间不包含 0。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="78"/>
        <source>Paired t-test against the best (every seed is in both)</source>
        <translation>与最佳配置的配对 t 检验（每个种子双方都有）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="79"/>
        <source>Welch&apos;s t-test against the best (not every seed is in both; paired p would need them all)</source>
        <translation>与最佳配置的 Welch t 检验（并非每个种子双方都有；配对检验需要全部种子）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="82"/>
        <source>Holm-adjusted across the configurations compared with the best; Welch&apos;s unadjusted p: %1</source>
        <translation>在与最佳比较的各配置间做 Holm 校正；未校正的 Welch p：%1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="122"/>
        <source>best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="122"/>
        <source>~best</source>
        <translation>≈最佳</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="139"/>
        <source>paired</source>
        <translation>配对</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="139"/>
        <source>Welch</source>
        <translation>Welch</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="146"/>
        <source>not reached</source>
        <translation>未达到</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="169"/>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="171"/>
        <source>Seeds</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="173"/>
        <source>Val loss mean ± sd</source>
        <translation>验证损失 均值 ± 标准差</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="175"/>
        <source>95% CI</source>
        <translation>95% 置信区间</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="177"/>
        <source>Δ vs best (Holm CI)</source>
        <translation>与最佳之差（Holm 区间）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="179"/>
        <source>p vs best (Holm)</source>
        <translation>与最佳比较的 p（Holm）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="181"/>
        <source>Val acc mean ± sd</source>
        <translation>验证准确率 均值 ± 标准差</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="183"/>
        <source>Acc 95% CI</source>
        <translation>准确率 95% 置信区间</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="185"/>
        <source>Epochs to target</source>
        <translation>达到目标的轮数</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="187"/>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="189"/>
        <source>Diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <location filename="../../ui/panels/group_table_model.cpp" line="191"/>
        <source>Pruned</source>
        <translation>剪枝</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::HistogramGrid</name>
    <message>
        <location filename="../../ui/teaching/histogram_grid.cpp" line="30"/>
        <source>No probes yet: studies with training.probe_every &gt; 0 (the teaching presets) show per-layer activation histograms here.</source>
        <translation>尚无探测：training.probe_every &gt; 0 的研究（教学预设）会在这里显示各层激活直方图。</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::HistoryChart</name>
    <message>
        <location filename="../../ui/charts/history_chart.cpp" line="89"/>
        <source>The optimization history appears when trials have finished</source>
        <translation>试验结束后，这里显示优化历史</translation>
    </message>
    <message>
        <location filename="../../ui/charts/history_chart.cpp" line="92"/>
        <source>Optimization history: %1 of each trial in the order trials finished</source>
        <translation>优化历史：按试验结束的先后显示每个试验的%1</translation>
    </message>
    <message>
        <location filename="../../ui/charts/history_chart.cpp" line="106"/>
        <source>best so far</source>
        <translation>迄今最佳</translation>
    </message>
    <message>
        <location filename="../../ui/charts/history_chart.cpp" line="110"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/charts/history_chart.cpp" line="113"/>
        <source>pruned (at the epoch it was stopped)</source>
        <translation>已剪枝（取停止时那一轮的值）</translation>
    </message>
    <message>
        <location filename="../../ui/charts/history_chart.cpp" line="117"/>
        <source>diverged (no value; drawn on the top edge)</source>
        <translation>已发散（无数值，画在上边缘）</translation>
    </message>
    <message>
        <location filename="../../ui/charts/history_chart.cpp" line="125"/>
        <source>Trials finished</source>
        <translation>已结束的试验</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::ImportanceChart</name>
    <message>
        <location filename="../../ui/charts/importance_chart.cpp" line="35"/>
        <source>Parameter importance appears once two or more configurations have finished</source>
        <translation>两个或更多配置完成后，这里显示参数重要性</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/charts/importance_chart.cpp" line="39"/>
        <source>Which parameters mattered: PED-ANOVA share of the importance of the final validation loss, over %n finished configuration(s)</source>
        <translation>
            <numerusform>哪些参数重要：最终验证损失的 PED-ANOVA 重要性占比，基于 %n 个已完成的配置</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/charts/importance_chart.cpp" line="42"/>
        <source>share</source>
        <translation>占比</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::InteractionChart</name>
    <message>
        <location filename="../../ui/charts/interaction_chart.cpp" line="28"/>
        <source>%1: one line per %2</source>
        <translation>%1：每个 %2 一条线</translation>
    </message>
    <message>
        <location filename="../../ui/charts/interaction_chart.cpp" line="35"/>
        <source>mean validation accuracy</source>
        <translation>平均验证准确率</translation>
    </message>
    <message>
        <location filename="../../ui/charts/interaction_chart.cpp" line="35"/>
        <source>mean validation loss</source>
        <translation>平均验证损失</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::LayerLinesChart</name>
    <message>
        <location filename="../../ui/charts/layer_lines_chart.cpp" line="38"/>
        <source>layer</source>
        <translation>层</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::LevelDistributionChart</name>
    <message>
        <location filename="../../ui/charts/level_distribution_chart.cpp" line="31"/>
        <source>Final results per level</source>
        <translation>各水平的最终结果</translation>
    </message>
    <message>
        <location filename="../../ui/charts/level_distribution_chart.cpp" line="33"/>
        <source>Each box holds the middle half of a level&apos;s finished trials, the line inside is their median, the whiskers reach the lowest and highest.</source>
        <translation>每个箱体包含该水平已完成试验的中间一半，箱内横线是中位数，须线延伸到最低和最高值。</translation>
    </message>
    <message>
        <location filename="../../ui/charts/level_distribution_chart.cpp" line="52"/>
        <source>final validation accuracy</source>
        <translation>最终验证准确率</translation>
    </message>
    <message>
        <location filename="../../ui/charts/level_distribution_chart.cpp" line="52"/>
        <source>final validation loss</source>
        <translation>最终验证损失</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::LrCurveChart</name>
    <message>
        <location filename="../../ui/charts/lr_curve_chart.cpp" line="47"/>
        <source>Smoothed training loss against the learning rate</source>
        <translation>平滑后的训练损失随学习率变化</translation>
    </message>
    <message>
        <location filename="../../ui/charts/lr_curve_chart.cpp" line="59"/>
        <source>learning rate (log scale)</source>
        <translation>学习率（对数尺度）</translation>
    </message>
    <message>
        <location filename="../../ui/charts/lr_curve_chart.cpp" line="63"/>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../ui/charts/lr_curve_chart.cpp" line="67"/>
        <source>loss of each batch</source>
        <translation>每个批次的损失</translation>
    </message>
    <message>
        <location filename="../../ui/charts/lr_curve_chart.cpp" line="70"/>
        <source>smoothed loss</source>
        <translation>平滑损失</translation>
    </message>
    <message>
        <location filename="../../ui/charts/lr_curve_chart.cpp" line="84"/>
        <source>steepest descent: %1</source>
        <translation>下降最陡处：%1</translation>
    </message>
    <message>
        <location filename="../../ui/charts/lr_curve_chart.cpp" line="87"/>
        <source>minimum / 10: %1</source>
        <translation>最小值 / 10：%1</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::LrFindDialog</name>
    <message>
        <location filename="../../ui/teaching/lr_find_dialog.cpp" line="21"/>
        <source>Sweeping the learning rate from 1e-07 to 10 on a throw-away copy of the network…</source>
        <translation>正在网络的一次性副本上把学习率从 1e-07 扫到 10…</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/lr_find_dialog.cpp" line="25"/>
        <source>Use this range</source>
        <translation>使用这个范围</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/lr_find_dialog.cpp" line="26"/>
        <source>Find learning rate</source>
        <translation>寻找学习率</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/lr_find_dialog.cpp" line="35"/>
        <source>Search the learning rate on a log scale from a tenth of the suggestion up to ten times it (at most the minimum)</source>
        <translation>在对数尺度上搜索学习率：从建议值的十分之一到它的十倍（最多到最小值处）</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/lr_find_dialog.cpp" line="55"/>
        <source>The range test could not run: %1</source>
        <translation>范围测试无法运行：%1</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/lr_find_dialog.cpp" line="65"/>
        <source>Trained: %1.</source>
        <translation>训练的配置：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/lr_find_dialog.cpp" line="66"/>
        <source>the study&apos;s defaults</source>
        <translation>研究的默认设置</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/lr_find_dialog.cpp" line="68"/>
        <source>The sweep ran all %1 steps.</source>
        <translation>扫描跑完了全部 %1 步。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/lr_find_dialog.cpp" line="69"/>
        <source>The sweep stopped after %1 steps: %2.</source>
        <translation>扫描在 %1 步后停止：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/lr_find_dialog.cpp" line="73"/>
        <source>Steepest descent of the smoothed loss at lr %1 (the first tenth of the sweep skipped); minimum at %2, a tenth of it %3.</source>
        <translation>平滑损失下降最陡处在学习率 %1（跳过扫描的前十分之一）；最小值在 %2，其十分之一为 %3。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/lr_find_dialog.cpp" line="78"/>
        <source>Minimum at lr %1, a tenth of it %2.</source>
        <translation>最小值在学习率 %1，其十分之一为 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/teaching/lr_find_dialog.cpp" line="83"/>
        <source>Use this range searches lr from %1 to %2 on a log scale.</source>
        <translation>“使用这个范围”会在对数尺度上搜索学习率 %1 到 %2。</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::MainWindow</name>
    <message>
        <location filename="../../ui/main_window_views.cpp" line="34"/>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_views.cpp" line="34"/>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_views.cpp" line="64"/>
        <source>Provisional: %1 of %2 trials completed; the marks may change</source>
        <translation>暂定：已完成 %1/%2 个试验；标记可能还会变</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_views.cpp" line="77"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_views.cpp" line="80"/>
        <source>Clear brushes</source>
        <translation>清除刷选</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_views.cpp" line="81"/>
        <source>Show every trial again in the tables and the curves</source>
        <translation>在表格和曲线中重新显示全部试验</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_views.cpp" line="86"/>
        <source>Parallel coordinates</source>
        <translation>平行坐标</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_views.cpp" line="89"/>
        <source>Slices</source>
        <translation>切片图</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="95"/>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="96"/>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="97"/>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="98"/>
        <source>Comparison chart</source>
        <translation>比较图</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="99"/>
        <source>Effects</source>
        <translation>效应</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="100"/>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="126"/>
        <source>Setup</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="336"/>
        <source> &lt;i&gt;(Written for the study as it came; the setup has changed since.)&lt;/i&gt;</source>
        <translation> &lt;i&gt;（这段说明针对研究的原始设置；设置已经改动过。）&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="340"/>
        <source>&lt;b&gt;What to look for.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;看点。&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="178"/>
        <source>The run stopped: %1</source>
        <translation>运行已停止：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="180"/>
        <source>Could not open the results: %1</source>
        <translation>无法打开结果：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="206"/>
        <source>&amp;Presets</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="215"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="217"/>
        <location filename="../../ui/main_window.cpp" line="382"/>
        <source>Run the study (Ctrl+R)</source>
        <translation>运行研究（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="218"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="220"/>
        <source>Stop: running trials end within one batch (Ctrl+.)</source>
        <translation>停止：运行中的试验在一个批次内结束（Ctrl+.）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="221"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="223"/>
        <source>Continue the study in its results file: finished trials stay, the rest run</source>
        <translation>在结果文件中继续研究：已完成的试验保留，其余的继续运行</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="224"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="227"/>
        <source>Pause: running trials wait before their next epoch (Ctrl+P)</source>
        <translation>暂停：运行中的试验在下一轮开始前等待（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="228"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="230"/>
        <source>While paused: every running trial trains one more epoch (Ctrl+J)</source>
        <translation>暂停时：每个运行中的试验再训练一轮（Ctrl+J）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="235"/>
        <source>Find learning rate</source>
        <translation>寻找学习率</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="237"/>
        <source>Learning-rate range test on the configuration being edited: trains a throw-away copy while the learning rate grows from 1e-7 to 10, and suggests a range</source>
        <translation>对正在编辑的配置做学习率范围测试：在一次性副本上训练，学习率从 1e-7 增长到 10，然后给出建议范围</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="254"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="258"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="259"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="262"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="272"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="273"/>
        <source>The new language is used when TuneBench starts again.</source>
        <translation>新语言将在 TuneBench 下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="276"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="277"/>
        <source>&amp;Initializers and Optimizers</source>
        <translation>初始化方法与优化器(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="280"/>
        <source>Initializers and optimizers</source>
        <translation>初始化方法与优化器</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="289"/>
        <source>&amp;About TuneBench</source>
        <translation>关于 TuneBench(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="291"/>
        <source>Study</source>
        <translation>研究</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="323"/>
        <source>Nothing to run again while a run is going</source>
        <translation>运行进行中，无法重新运行</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="45"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="46"/>
        <source>&amp;Open Study...</source>
        <translation>打开研究(&amp;O)...</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="48"/>
        <source>Open study</source>
        <translation>打开研究</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="49"/>
        <location filename="../../ui/main_window_files.cpp" line="129"/>
        <source>Study files (*.json)</source>
        <translation>研究文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="54"/>
        <source>Open Res&amp;ults...</source>
        <translation>打开结果(&amp;U)...</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="57"/>
        <source>Open results</source>
        <translation>打开结果</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="58"/>
        <source>TuneBench results (*.sqlite *.db);;All files (*)</source>
        <translation>TuneBench 结果 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="61"/>
        <source>Open Results from a Ser&amp;ver...</source>
        <translation>从服务器打开结果(&amp;V)...</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="67"/>
        <source>Open results from a server</source>
        <translation>从服务器打开结果</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="68"/>
        <source>The study&apos;s PostgreSQL URL (postgresql://user@host:port/database):</source>
        <translation>研究所在的 PostgreSQL URL（postgresql://user@host:port/database）：</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="78"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="129"/>
        <location filename="../../ui/main_window_files.cpp" line="169"/>
        <source>Save study</source>
        <translation>保存研究</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="90"/>
        <source>&amp;Save Study</source>
        <translation>保存研究(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="91"/>
        <source>Save Study &amp;As...</source>
        <translation>研究另存为(&amp;A)...</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="92"/>
        <source>Export &amp;Report...</source>
        <translation>导出报告(&amp;R)...</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="94"/>
        <location filename="../../ui/main_window_files.cpp" line="96"/>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="94"/>
        <source>HTML page (*.html)</source>
        <translation>HTML 网页 (*.html)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="96"/>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="99"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="106"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="107"/>
        <source>The study on screen has changes that are not saved. Save them before opening another?</source>
        <translation>当前研究有尚未保存的更改。打开另一个研究之前要保存吗？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="142"/>
        <source>Could not open the study: %1</source>
        <translation>无法打开研究：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="156"/>
        <source>The study has problems (flagged beside their fields): %1</source>
        <translation>研究存在问题（已在对应字段旁标出）：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="170"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="178"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="186"/>
        <source>Opening %1</source>
        <translation>正在打开 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="205"/>
        <source>Following %1</source>
        <translation>正在跟踪 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="212"/>
        <source>TuneBench study</source>
        <translation>TuneBench 研究</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="216"/>
        <source>Training loss by step, one line per trial</source>
        <translation>按步的训练损失，每个试验一条线</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="217"/>
        <source>Validation accuracy by epoch</source>
        <translation>按轮的验证准确率</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="235"/>
        <source>The comparison: mean final validation loss and its 95% interval per configuration, seeds as points</source>
        <translation>比较：各配置的最终验证损失均值及其 95% 区间，各种子为点</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="245"/>
        <source>Which parameters mattered (PED-ANOVA)</source>
        <translation>哪些参数重要（PED-ANOVA）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="249"/>
        <source>Inside the networks: signal through depth, gradient norms, activation histograms</source>
        <translation>网络内部：信号随深度变化、梯度范数、激活直方图</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="253"/>
        <source>Decision boundaries</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="258"/>
        <source>TuneBench with LibTorch %1 and Qt %2 on %3; results file %4; written %5.</source>
        <translation>TuneBench，LibTorch %1，Qt %2，设备 %3；结果文件 %4；生成于 %5。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="261"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="293"/>
        <source>Reading the file...</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="302"/>
        <source>untitled study</source>
        <translation>未命名研究</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="356"/>
        <source>About TuneBench</source>
        <translation>关于 TuneBench</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="357"/>
        <source>&lt;b&gt;TuneBench&lt;/b&gt; — a workbench for tuning neural networks.&lt;br&gt;&lt;br&gt;Qt %1&lt;br&gt;LibTorch %2&lt;br&gt;Devices: %3</source>
        <translation>&lt;b&gt;TuneBench&lt;/b&gt;——神经网络调参工作台。&lt;br&gt;&lt;br&gt;Qt %1&lt;br&gt;LibTorch %2&lt;br&gt;设备：%3</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="383"/>
        <source>Cannot run until these are fixed:
%1</source>
        <translation>修正以下问题后才能运行：
%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="392"/>
        <source>TuneBench - %1[*]</source>
        <translation>TuneBench - %1[*]</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="395"/>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="402"/>
        <source> · about %1:%2 left</source>
        <translation> · 约剩 %1:%2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="404"/>
        <source> · paused</source>
        <translation> · 已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="406"/>
        <source>%1 · %2 · %3 running · %4 of %5 done%6</source>
        <translation>%1 · %2 · %3 个运行中 · 已完成 %4/%5%6</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="407"/>
        <source>no study</source>
        <translation>无研究</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_lr_find.cpp" line="39"/>
        <source>a range test is still running</source>
        <translation>一个范围测试仍在运行</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::NumberChoiceEditor</name>
    <message>
        <location filename="../../ui/setup/number_choice_editor.cpp" line="15"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../ui/setup/number_choice_editor.cpp" line="17"/>
        <source>log</source>
        <translation>对数</translation>
    </message>
    <message>
        <location filename="../../ui/setup/number_choice_editor.cpp" line="28"/>
        <source>Search a range instead of one fixed value</source>
        <translation>搜索一个范围而不是一个固定值</translation>
    </message>
    <message>
        <location filename="../../ui/setup/number_choice_editor.cpp" line="29"/>
        <source>Sample the range on a log scale (needs low &gt; 0)</source>
        <translation>在对数尺度上采样该范围（需要下限 &gt; 0）</translation>
    </message>
    <message>
        <location filename="../../ui/setup/number_choice_editor.cpp" line="68"/>
        <source>low: not a number, got &apos;%1&apos;</source>
        <translation>下限：不是数字，得到 &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../../ui/setup/number_choice_editor.cpp" line="71"/>
        <source>high: not a number, got &apos;%1&apos;</source>
        <translation>上限：不是数字，得到 &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::ParallelCoordinates</name>
    <message>
        <location filename="../../ui/charts/parallel_coordinates.cpp" line="191"/>
        <source>Parallel coordinates appear when trials have completed</source>
        <translation>试验完成后，这里显示平行坐标</translation>
    </message>
    <message>
        <location filename="../../ui/charts/parallel_coordinates.cpp" line="239"/>
        <source> (log)</source>
        <translation>（对数）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/charts/parallel_coordinates.cpp" line="262"/>
        <source>%1 of %n completed trial(s) inside the brushes; click an axis to clear its brush</source>
        <translation>
            <numerusform>%n 个已完成试验中有 %1 个落在刷选范围内；单击坐标轴可清除它的刷选</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/charts/parallel_coordinates.cpp" line="266"/>
        <source>%n completed trial(s), darker is better; drag along an axis to keep a range</source>
        <translation>
            <numerusform>%n 个已完成试验，颜色越深越好；沿坐标轴拖动可保留一个范围</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tunebench::ui::ProblemBanner</name>
    <message>
        <location filename="../../ui/panels/problem_banner.cpp" line="25"/>
        <source>Open as results</source>
        <translation>作为结果打开</translation>
    </message>
    <message>
        <location filename="../../ui/panels/problem_banner.cpp" line="26"/>
        <source>Open Study...</source>
        <translation>打开研究...</translation>
    </message>
    <message>
        <location filename="../../ui/panels/problem_banner.cpp" line="41"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::ResultsPanel</name>
    <message>
        <location filename="../../ui/panels/results_panel.cpp" line="172"/>
        <source>Trials</source>
        <translation>试验</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results_panel.cpp" line="173"/>
        <source>Comparison table</source>
        <translation>比较表</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results_panel.cpp" line="176"/>
        <source>Filter configurations...</source>
        <translation>筛选配置...</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results_panel.cpp" line="179"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results_panel.cpp" line="185"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results_panel.cpp" line="186"/>
        <source>Copy the selected rows (or all shown) as tab-separated text (Ctrl+C)</source>
        <translation>将选中的行（或所有显示的行）复制为制表符分隔文本（Ctrl+C）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results_panel.cpp" line="189"/>
        <source>Export CSV...</source>
        <translation>导出 CSV...</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results_panel.cpp" line="223"/>
        <location filename="../../ui/panels/results_panel.cpp" line="225"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results_panel.cpp" line="223"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results_panel.cpp" line="225"/>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::SetupPanel</name>
    <message>
        <location filename="../../ui/setup/setup_panel.cpp" line="220"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_panel.cpp" line="183"/>
        <source>auto (%1)</source>
        <translation>自动（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_panel.cpp" line="135"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_panel.cpp" line="136"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_panel.cpp" line="249"/>
        <source>Compare</source>
        <translation>比较项</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_panel.cpp" line="252"/>
        <source>Listed configurations</source>
        <translation>列出的配置</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_panel.cpp" line="259"/>
        <source>One batch size, or several separated by commas to compare them</source>
        <translation>一个批大小，或用逗号分隔的多个以便比较</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_panel.cpp" line="260"/>
        <source>Initializers</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_panel.cpp" line="261"/>
        <source>Optimizers</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_panel.cpp" line="262"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_panel.cpp" line="271"/>
        <source>Batch sizes</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_panel.cpp" line="383"/>
        <source>A partly ticked box is used by a listed configuration (the table below). A learning-rate range is searched for every listed configuration whose rate is left empty.</source>
        <translation>部分勾选的框表示被某个列出的配置使用（见下表）。学习率范围会用于每个学习率留空的列出配置。</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_panel.cpp" line="138"/>
        <source>Study</source>
        <translation>研究</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_panel.cpp" line="389"/>
        <source>Also searched, as the file says: %1.</source>
        <translation>按文件设定另外搜索：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_panel.cpp" line="444"/>
        <source>expected whole numbers &gt; 0, got &apos;%1&apos;</source>
        <translation>应为大于 0 的整数，得到 &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="61"/>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="65"/>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="69"/>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="75"/>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="79"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="83"/>
        <source>CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="86"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="89"/>
        <source>Label column</source>
        <translation>标签列</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="93"/>
        <source>Subset</source>
        <translation>子集</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="95"/>
        <source>Train on the first N samples only (quick looks)</source>
        <translation>只用前 N 个样本训练（快速查看）</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="97"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="100"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="103"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="105"/>
        <source>TorchScript modules (*.pt *.pth);;All files (*)</source>
        <translation>TorchScript 模块 (*.pt *.pth);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="108"/>
        <source>A module saved from PyTorch with torch.jit.script(net).save(...)</source>
        <translation>用 torch.jit.script(net).save(...) 从 PyTorch 保存的模块</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="115"/>
        <source>Depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="116"/>
        <source>Hidden layers</source>
        <translation>隐藏层数</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="119"/>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="121"/>
        <source>Units per hidden layer</source>
        <translation>每个隐藏层的单元数</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="124"/>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="128"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="131"/>
        <source>Seeds each</source>
        <translation>每配置种子数</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="133"/>
        <source>Each configuration runs under seeds 0..N-1, the same seeds for every configuration</source>
        <translation>每个配置都用种子 0..N-1 运行，所有配置种子相同</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="137"/>
        <source>Sampler</source>
        <translation>采样器</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="140"/>
        <source>Configurations</source>
        <translation>配置数</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="142"/>
        <source>Configurations in all; auto: every listed one, the whole grid, or 20 searched (see the plan above)</source>
        <translation>配置总数；自动：全部列出的配置、整个网格，或搜索 20 个（见上方的计划）</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="146"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="149"/>
        <source>Grid points</source>
        <translation>网格点数</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="151"/>
        <source>Points per numeric range in the grid (log-spaced on a log scale)</source>
        <translation>网格中每个数值范围的点数（对数尺度上按对数间隔）</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="155"/>
        <source>Pruner</source>
        <translation>剪枝器</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="158"/>
        <source>Parallel trials</source>
        <translation>并行试验</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="160"/>
        <source>Trials at once; the CPU cores are shared among them (%1 here)</source>
        <translation>同时运行的试验数；它们共享 CPU 核心（本机 %1 个）</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="166"/>
        <source>Train same-shape trials together</source>
        <translation>同形状的试验一起训练</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="169"/>
        <source>Trials of one network shape and batch size train as one batched model on the CPU, each with its own initializer, optimizer, seed and fate: the same results, sooner</source>
        <translation>网络形状和批大小相同的试验在 CPU 上作为一个批量模型一起训练，各自保留自己的初始化、优化器、种子和结局：结果相同，更快得到</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_fields.cpp" line="175"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::SlicePlots</name>
    <message>
        <location filename="../../ui/charts/slice_plots.cpp" line="61"/>
        <source>Slice plots appear when trials of a study that varies parameters have completed</source>
        <translation>参数有变化的研究在试验完成后，这里显示切片图</translation>
    </message>
    <message>
        <location filename="../../ui/charts/slice_plots.cpp" line="80"/>
        <source> (log)</source>
        <translation>（对数）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/charts/slice_plots.cpp" line="109"/>
        <source>%1 against each parameter, %n completed trial(s); darker finished later</source>
        <translation>
            <numerusform>%1 对每个参数，共 %n 个已完成试验；颜色越深结束越晚</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tunebench::ui::TrialDetailDialog</name>
    <message>
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="26"/>
        <source>Trial %1</source>
        <translation>试验 %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="30"/>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="31"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="32"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="34"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="38"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="41"/>
        <source>Final validation</source>
        <translation>最终验证</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="43"/>
        <source>loss %1, accuracy %2</source>
        <translation>损失 %1，准确率 %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="45"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="45"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="47"/>
        <source>Reproduce with</source>
        <translation>复现条件</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="49"/>
        <source>LibTorch %1 on %2, seed %3; the seed fixes the initial weights, the data order and the dropout masks (bit-identical on CPU).</source>
        <translation>LibTorch %1，设备 %2，种子 %3；种子决定初始权重、数据顺序和 dropout 掩码（CPU 上逐位一致）。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="52"/>
        <source>an unrecorded device</source>
        <translation>未记录的设备</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="56"/>
        <source>Results file</source>
        <translation>结果文件</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="57"/>
        <source>Ran on</source>
        <translation>运行于</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="62"/>
        <source>Trained</source>
        <translation>训练方式</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="63"/>
        <source>with %n other trial(s) as one model (its numbers equal its own alone within float rounding)</source>
        <translation>
            <numerusform>与另外 %n 个试验作为一个模型一起训练（数值与单独训练时在浮点舍入误差内相同）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="70"/>
        <source>Last heartbeat</source>
        <translation>最近心跳</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="92"/>
        <source>Run again</source>
        <translation>再次运行</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_detail_dialog.cpp" line="95"/>
        <source>Train this configuration under seed %1 once more, as a new run</source>
        <translation>用种子 %1 把这个配置作为新的运行再训练一次</translation>
    </message>
</context>
<context>
    <name>tunebench::ui::TrialTableModel</name>
    <message>
        <location filename="../../ui/panels/trial_table_model.cpp" line="142"/>
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_table_model.cpp" line="144"/>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_table_model.cpp" line="146"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_table_model.cpp" line="148"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_table_model.cpp" line="150"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_table_model.cpp" line="152"/>
        <source>Val loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_table_model.cpp" line="154"/>
        <source>Val acc</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_table_model.cpp" line="156"/>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_table_model.cpp" line="158"/>
        <source>Worker</source>
        <translation>工作进程</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trial_table_model.cpp" line="160"/>
        <source>Last heartbeat</source>
        <translation>最近心跳</translation>
    </message>
</context>
</TS>
