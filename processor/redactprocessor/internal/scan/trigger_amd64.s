// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

#include "textflag.h"

// func triggerBlocksAVX2(s string, tabs *nibbleTables) int
//
// Returns the offset of the first byte of s whose nibble classes intersect
// (tabs.lo[c&15] & tabs.hi[c>>4] != 0), looking only at the whole 32-byte
// blocks of s; len(s) &^ 31 when none of them holds one. Requires AVX2 and
// len(s) >= 32.
TEXT ·triggerBlocksAVX2(SB), NOSPLIT, $0-32
	MOVQ s_base+0(FP), SI
	MOVQ s_len+8(FP), BX
	MOVQ tabs+16(FP), AX
	VBROADCASTI128 0(AX), Y1  // lo table in both lanes
	VBROADCASTI128 16(AX), Y2 // hi table in both lanes
	MOVL $0x0f0f0f0f, DX
	VMOVD DX, X3
	VPBROADCASTD X3, Y3       // nibble mask
	VPXOR Y0, Y0, Y0
	ANDQ $~31, BX
	LEAQ (SI)(BX*1), R8       // end of the whole blocks
	MOVQ SI, DI

loop:
	CMPQ DI, R8
	JAE none
	VMOVDQU (DI), Y4
	VPAND Y3, Y4, Y5          // low nibbles
	VPSRLW $4, Y4, Y6
	VPAND Y3, Y6, Y6          // high nibbles
	VPSHUFB Y5, Y1, Y5        // lo[low]
	VPSHUFB Y6, Y2, Y6        // hi[high]
	VPAND Y5, Y6, Y5
	VPCMPEQB Y0, Y5, Y5       // 0xff where no class in common
	VPMOVMSKB Y5, DX
	XORL $0xffffffff, DX      // bits of the trigger bytes
	JNZ found
	ADDQ $32, DI
	JMP loop

found:
	BSFL DX, DX
	SUBQ SI, DI
	ADDQ DX, DI
	VZEROUPPER
	MOVQ DI, ret+24(FP)
	RET

none:
	SUBQ SI, DI
	VZEROUPPER
	MOVQ DI, ret+24(FP)
	RET

// func triggerMaskAVX2(s string, tabs *nibbleTables) uint64
//
// Returns a mask with bit k set when s[k] is in the set of tabs, for the
// first 64 bytes of s. Requires AVX2 and len(s) >= 64.
TEXT ·triggerMaskAVX2(SB), NOSPLIT, $0-32
	MOVQ s_base+0(FP), SI
	MOVQ tabs+16(FP), AX
	VBROADCASTI128 0(AX), Y1  // lo table in both lanes
	VBROADCASTI128 16(AX), Y2 // hi table in both lanes
	MOVL $0x0f0f0f0f, DX
	VMOVD DX, X3
	VPBROADCASTD X3, Y3       // nibble mask
	VPXOR Y0, Y0, Y0

	VMOVDQU (SI), Y4
	VPAND Y3, Y4, Y5
	VPSRLW $4, Y4, Y6
	VPAND Y3, Y6, Y6
	VPSHUFB Y5, Y1, Y5
	VPSHUFB Y6, Y2, Y6
	VPAND Y5, Y6, Y5
	VPCMPEQB Y0, Y5, Y5       // 0xff where no class in common
	VPMOVMSKB Y5, DX

	VMOVDQU 32(SI), Y4
	VPAND Y3, Y4, Y5
	VPSRLW $4, Y4, Y6
	VPAND Y3, Y6, Y6
	VPSHUFB Y5, Y1, Y5
	VPSHUFB Y6, Y2, Y6
	VPAND Y5, Y6, Y5
	VPCMPEQB Y0, Y5, Y5
	VPMOVMSKB Y5, CX

	SHLQ $32, CX
	ORQ CX, DX
	NOTQ DX                   // bits of the trigger bytes
	VZEROUPPER
	MOVQ DX, ret+24(FP)
	RET
