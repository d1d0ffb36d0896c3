import { describe, expect, it } from 'vitest';
import { prefixRootLinks } from './prefix-links';

describe('prefixRootLinks', () => {
  it('puts the base path before root-relative href, src and action', () => {
    const page = '<link rel="stylesheet" href="/public/assets/catalog.css"><a class="brand" href="/public">x</a><form action="/public/search"><img src="/public/attachments/1">';
    expect(prefixRootLinks(page, '/disclosure')).toBe(
      '<link rel="stylesheet" href="/disclosure/public/assets/catalog.css"><a class="brand" href="/disclosure/public">x</a><form action="/disclosure/public/search"><img src="/disclosure/public/attachments/1">',
    );
  });

  it('leaves fragments, relative, absolute and protocol-relative links and escaped text alone', () => {
    const page = '<a href="#main">跳</a><a href="?page=2">下一页</a><a href="https://gov.cn/">国务院</a><a href="//cdn.example/x">x</a><p>写作 href=&quot;/public&quot; 的正文</p>';
    expect(prefixRootLinks(page, '/disclosure')).toBe(page);
  });

  it('changes nothing at the root', () => {
    expect(prefixRootLinks('<a href="/public">x</a>', '')).toBe('<a href="/public">x</a>');
  });
});
