/**
 * The named RFM segments (design.md §3): eleven segments of the 125-code map plus Prospect for customers who
 * registered but never bought. Each has a fixed colour (tab colour and header band), a Vietnamese and an English
 * name, and a one-line suggested action.
 */
import type { Language } from '../options';

export type SegmentId =
  | 'champions'
  | 'loyal'
  | 'potential-loyalist'
  | 'new-customers'
  | 'promising'
  | 'need-attention'
  | 'about-to-sleep'
  | 'at-risk'
  | 'cant-lose-them'
  | 'hibernating'
  | 'lost'
  | 'prospect';

export interface SegmentInfo {
  id: SegmentId;
  colour: string;
  name: Record<Language, string>;
  action: Record<Language, string>;
}

/** In the order the Summary lists them: best customers first, prospects last. */
export const SEGMENTS: readonly SegmentInfo[] = [
  {
    id: 'champions',
    colour: '#2e7d32',
    name: { vi: 'Khách hàng xuất sắc', en: 'Champions' },
    action: {
      vi: 'Tri ân, mời dùng thử sản phẩm mới trước, nhờ giới thiệu bạn bè.',
      en: 'Reward them, give early access to new products, ask for referrals.',
    },
  },
  {
    id: 'loyal',
    colour: '#00897b',
    name: { vi: 'Khách hàng trung thành', en: 'Loyal' },
    action: {
      vi: 'Gợi ý sản phẩm cao cấp hơn, ưu đãi hạng thành viên.',
      en: 'Upsell higher-value items, offer a membership tier.',
    },
  },
  {
    id: 'potential-loyalist',
    colour: '#7cb342',
    name: { vi: 'Tiềm năng trung thành', en: 'Potential Loyalist' },
    action: {
      vi: 'Mời tham gia thẻ thành viên, gợi ý món khác.',
      en: 'Invite them to the loyalty card, recommend other items.',
    },
  },
  {
    id: 'new-customers',
    colour: '#039be5',
    name: { vi: 'Khách hàng mới', en: 'New Customers' },
    action: { vi: 'Tặng mã giảm giá cho lần mua thứ hai.', en: 'Send a second-purchase coupon.' },
  },
  {
    id: 'promising',
    colour: '#3949ab',
    name: { vi: 'Có triển vọng', en: 'Promising' },
    action: {
      vi: 'Ưu đãi nhỏ để quay lại sớm, giới thiệu thương hiệu.',
      en: 'A small offer to come back soon; tell your story.',
    },
  },
  {
    id: 'need-attention',
    colour: '#f9a825',
    name: { vi: 'Cần quan tâm', en: 'Need Attention' },
    action: {
      vi: 'Ưu đãi có thời hạn, gợi ý theo sở thích.',
      en: 'Time-limited offers based on what they bought.',
    },
  },
  {
    id: 'about-to-sleep',
    colour: '#fb8c00',
    name: { vi: 'Sắp ngủ quên', en: 'About To Sleep' },
    action: {
      vi: 'Nhắc món bán chạy, giảm giá để quay lại.',
      en: 'Remind them of best sellers with a come-back discount.',
    },
  },
  {
    id: 'at-risk',
    colour: '#e53935',
    name: { vi: 'Có nguy cơ rời bỏ', en: 'At Risk' },
    action: {
      vi: 'Nhắn tin cá nhân, ưu đãi kéo khách quay lại.',
      en: 'Personal message and a win-back offer.',
    },
  },
  {
    id: 'cant-lose-them',
    colour: '#8e24aa',
    name: { vi: 'Không thể để mất', en: "Can't Lose Them" },
    action: { vi: 'Gọi điện hỏi thăm, ưu đãi riêng.', en: 'Call them personally; a private offer.' },
  },
  {
    id: 'hibernating',
    colour: '#6d4c41',
    name: { vi: 'Ngủ đông', en: 'Hibernating' },
    action: { vi: 'Ưu đãi phù hợp theo mùa; đừng gửi quá nhiều.', en: 'Seasonal offers; do not over-send.' },
  },
  {
    id: 'lost',
    colour: '#757575',
    name: { vi: 'Đã rời bỏ', en: 'Lost' },
    action: {
      vi: 'Một chiến dịch kéo lại mạnh, hoặc bỏ qua.',
      en: 'One strong win-back campaign, or let them go.',
    },
  },
  {
    id: 'prospect',
    colour: '#90a4ae',
    name: { vi: 'Chưa mua hàng', en: 'Prospect' },
    action: {
      vi: 'Gửi ưu đãi chào mừng cho lần mua đầu tiên.',
      en: 'Send a welcome offer for the first purchase.',
    },
  },
];

export const SEGMENT_BY_ID: ReadonlyMap<string, SegmentInfo> = new Map(
  SEGMENTS.map((segment) => [segment.id, segment]),
);

export function segmentInfo(id: string): SegmentInfo {
  const info = SEGMENT_BY_ID.get(id);
  if (!info) throw new Error(`Unknown segment "${id}".`);
  return info;
}
