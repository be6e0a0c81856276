type A[T = int, *Ts = *tuple[int], **P = [int]] = T
