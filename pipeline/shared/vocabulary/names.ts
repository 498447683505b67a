/**
 * Common Chinese and Korean surnames in their usual romanizations (pinyin, McCune-Reischauer,
 * Revised Romanization and the spellings of the names' bearers): names in these languages are
 * printed family name first (`Chen Jian`, `Kim Chullbaum`).
 */
export const familyFirstSurnames: ReadonlySet<string> = new Set([
  'Chen', 'Hao', 'Zhai', 'Shen', 'Shi', 'Li', 'Deng', 'Nie', 'Xue', 'Zhang', 'Wang', 'Liu', 'Yang',
  'Zhou', 'Mao', 'Song', 'Hu', 'Huang', 'Zhao', 'Wu', 'Xu', 'Sun', 'Ma', 'Zhu', 'Gao', 'Lin', 'He',
  'Guo', 'Luo', 'Yu', 'Park', 'Kim', 'Lee', 'Pak', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang',
  'Lim', 'Han', 'Shin', 'Suh', 'Yi', 'Niu', 'Qian', 'Jiang', 'Dai', 'Tao', 'Pei', 'Peng', 'Ye',
  'Bo', 'Qiao', 'Du', 'Su', 'Lu', 'Fu', 'Ren', 'Tang', 'Cao', 'Xie', 'Feng', 'Yuan', 'Cai', 'Jin',
  'Wei', 'Xiao', 'Cheng', 'Pan', 'Yan', 'Zeng', 'Ding', 'Shao', 'Meng', 'Kong', 'Dong', 'Tian',
  'Hou', 'Duan', 'Zou', 'Xiong', 'Yao', 'Zhong', 'Fan', 'Fang', 'Ri', 'Chong', 'Hong', 'Ahn'
])
