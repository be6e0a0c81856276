type ListOrSet[T] = list[T] | set[T]
