/*
 * vigil test guest: multiboot entry, flat GDT, IDT stubs.
 * 32-bit protected mode, no paging. Built with gcc -m32 as a freestanding ELF.
 */
	.set MB_MAGIC, 0x1BADB002
	.set MB_FLAGS, 0x00000003	/* page-align modules, give memory info */

	.section .multiboot, "a"
	.align 4
	.long MB_MAGIC
	.long MB_FLAGS
	.long -(MB_MAGIC + MB_FLAGS)

	.section .bss
	.align 16
stack_bottom:
	.skip 16384
stack_top:

	.section .data
	.align 8
gdt:
	.quad 0x0000000000000000	/* null */
	.quad 0x00cf9a000000ffff	/* 0x08: code, base 0, limit 4 GiB */
	.quad 0x00cf92000000ffff	/* 0x10: data, base 0, limit 4 GiB */
gdt_end:
gdt_ptr:
	.word gdt_end - gdt - 1
	.long gdt

	.section .text
	.global _start
_start:
	cli
	mov $stack_top, %esp
	mov %eax, %esi		/* multiboot magic */
	mov %ebx, %edi		/* multiboot info */
	lgdt gdt_ptr
	ljmp $0x08, $1f
1:	mov $0x10, %ax
	mov %ax, %ds
	mov %ax, %es
	mov %ax, %fs
	mov %ax, %gs
	mov %ax, %ss
	push %edi
	push %esi
	call guest_main
2:	cli
	hlt
	jmp 2b

/* IRQ0 (PIT): count a tick, acknowledge the PIC. */
	.global irq0_stub
irq0_stub:
	push %eax
	incl ticks
	mov $0x20, %al
	outb %al, $0x20
	pop %eax
	iret

/* Other PIC lines (all masked; spurious IRQ7/15 land here): acknowledge both PICs. */
	.global irq_other_stub
irq_other_stub:
	push %eax
	mov $0x20, %al
	outb %al, $0xa0
	outb %al, $0x20
	pop %eax
	iret

/* CPU exceptions and unexpected vectors: report and stop. */
	.global fault_stub
fault_stub:
	cli
	call guest_fault
3:	hlt
	jmp 3b

	.section .note.GNU-stack,"",@progbits
