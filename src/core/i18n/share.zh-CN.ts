import type { shareEn } from "./share.en";

/** Simplified Chinese strings for "Prepare for sharing" (same keys as share.en.ts). */
export const shareZhCN: Record<keyof typeof shareEn, string> = {
  // --- 概览 ---
  shareOverviewTitle: "概览 — {{title}}",
  shareOverviewSubtitle: "给相关方的一页纸：目标、关键里程碑、负责人、指标状态和客户分级。数据链接到其他工作表，随之更新。",
  shareFrozenNote:
    "数值已于 {{date}} 固定：OpsKit 公式（OPS.*）的结果已转换为普通数值，未安装加载项也能正常打开，但不再自动更新。原始公式保存在隐藏工作表“{{sheet}}”中，在 OpsKit 窗格中点击“恢复公式”即可还原。",
  shareGoalSection: "目标与量化指标",
  shareGoalLabel: "核心目标",
  shareTargetLabel: "量化目标",
  shareTargetBy: "截止日期",
  shareWhatLabel: "做什么",
  shareWhyLabel: "为什么",
  shareLaunchLabel: "上线日期",
  shareTimelineSection: "时间线：关键里程碑",
  shareHeaderTaskId: "编号",
  shareHeaderMilestone: "里程碑",
  shareHeaderOwner: "负责人",
  shareHeaderStart: "开始",
  shareHeaderEnd: "结束",
  shareHeaderStatus: "状态",
  shareNoMilestones: "计划中没有标记为里程碑的任务。",
  shareOwnersSection: "负责人",
  shareHeaderPerson: "成员",
  shareHeaderRole: "角色",
  shareHeaderTasks: "负责任务数",
  shareKpiSection: "指标状态",
  shareHeaderIndicator: "指标",
  shareHeaderTarget: "目标",
  shareHeaderActual: "实际",
  shareHeaderProgress: "进度",
  shareHeaderKpiStatus: "状态",
  shareTierSection: "客户分级",
  shareHeaderTier: "等级",
  shareHeaderCustomers: "客户数",
  shareHeaderCustomerShare: "客户占比",
  shareHeaderValue: "价值",
  shareHeaderValueShare: "价值占比",
  shareHeaderService: "服务等级",
  shareTotal: "合计",

  // --- 打印页眉页脚（Excel 代码：&P 页码，&N 总页数，&D 日期） ---
  sharePrintFooter: "第 &P 页，共 &N 页",
  sharePrintDate: "打印于 &D",
  sharePrintAsOf: "数据截至 {{date}}",

  // --- 原始公式隐藏表 ---
  shareFormulasTitle: "OpsKit：原始 OPS 公式",
  shareFormulasNote: "为分享固定数值时保存。在 OpsKit 窗格中点击恢复即可写回公式；若是在副本中固定的，恢复会删除这些数值副本。请勿编辑此工作表。",
  shareFormulasHeaderSheet: "工作表",
  shareFormulasHeaderAddress: "单元格",
  shareFormulasHeaderFormula: "公式",
  shareFormulasHeaderRows: "溢出行数",
  shareFormulasHeaderColumns: "溢出列数",
  shareFormulasHeaderFrozenAt: "固定日期",
  shareFormulasHeaderCopyOf: "副本的原表",
  shareLegacyFreezeUndecided: "未冻结：此工作簿曾由旧版 OpsKit 冻结，其记录无法说明 {{sheets}} 是否为数值副本。请先恢复，再重新冻结。",

  // --- 加载项依赖扫描 ---
  shareDepOps: "调用 {{functions}}：未安装 OpsKit 时显示 #NAME?",
  shareDepDependant: "引用了 {{refs}} 中的 OPS 结果：未安装 OpsKit 时同样显示错误",
  shareDepGuarded: "在 IFERROR/IFNA 中引用了 {{refs}} 中的 OPS 结果：未安装 OpsKit 时显示备用值（通常为空）",

  // --- 计算 OPS 公式以固定数值 ---
  shareEvalSyntax: "无法解析公式第 {{pos}} 个字符处：{{detail}}",
  shareEvalNotOpsCall: "此处只能计算仅由一个 OPS 调用构成的公式（当前为 {{formula}}）",
  shareEvalUnknownFunction: "OPS.{{name}} 不是 OpsKit 函数",
  shareEvalTooManyArgs: "OPS.{{name}} 最多接受 {{max}} 个参数（当前为 {{got}} 个）",
  shareEvalUnknownSheet: "没有名为“{{sheet}}”的工作表",
  shareEvalFormulaInRange: "{{ref}} 在 {{cell}} 处含有公式；此处只能读取常量区域",
  shareEvalWholeLine: "此处不支持整列或整行引用（{{ref}}）",
  shareEvalSpillRef: "此处不支持溢出引用（{{ref}}）",
  shareEvalUnknownName: "没有指向区域的名称“{{name}}”",
  shareEvalRangeToScalar: "OPS.{{name}} 的参数 {{arg}} 只接受单个值，不能是区域 {{ref}}",
};
